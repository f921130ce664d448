// <d1-notification-tray>: one story per state. Standalone (a `notifications` property in, events
// out), fixed dates and a fixed clock (`now`), no network; theme and language come from the
// toolbar wrapper. Read and dismiss update the tray itself; the "refusing host" story refuses them.
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Notification, Severity } from '@digione/context';
import '@digione/ui/define/d1-notification-tray.js';

interface Args {
  notifications: Notification[];
  open: boolean;
  max: number;
  perSourceLimit: number;
  /** A screen others see too: personal notifications show only as such. */
  sharedScreen: boolean;
  /** Refuse every read/dismiss, to show the rollback message. */
  refuse: boolean;
}

/** Wednesday 12 March 2025, 10.00 in Helsinki. */
const NOW = Date.parse('2025-03-12T08:00:00Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

// a small inline icon: stories must not depend on the network
const calendarIcon =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="1" y="2" width="14" height="13" rx="2" fill="#0a58a8"/><rect x="3" y="6" width="10" height="7" fill="#fff"/></svg>',
  );

const kalenteri = { pluginId: 'fi.example.kalenteri', vendorName: 'Kalenteri', icon: calendarIcon };
const tehtavat = { pluginId: 'fi.example.tehtavat', vendorName: 'Tehtävät' };
const platform = { pluginId: 'platform', vendorName: 'DigiOne' };

const sample: Notification[] = [
  {
    id: 's1',
    source: tehtavat,
    severity: 'warning',
    title: {
      fi: 'Matematiikan tehtävä erääntyy huomenna',
      sv: 'Matematikuppgiften förfaller i morgon',
      en: 'Maths assignment due tomorrow',
    },
    body: {
      fi: 'Kappale 4, tehtävät 1–12.',
      sv: 'Kapitel 4, uppgifter 1–12.',
      en: 'Chapter 4, exercises 1–12.',
    },
    link: { pluginId: 'fi.example.tehtavat', path: '/tehtava/42' },
    createdAt: at(12),
    containsPersonalData: false,
  },
  {
    id: 's2',
    source: kalenteri,
    severity: 'info',
    title: { fi: 'Vanhempainilta siirtyy', sv: 'Föräldramötet flyttas', en: 'Parents’ evening moved' },
    body: {
      fi: 'Uusi aika on torstaina klo 18.',
      sv: 'Ny tid torsdag kl. 18.',
      en: 'New time: Thursday at 6 pm.',
    },
    link: { href: 'https://kalenteri.example.fi/tapahtuma/7' },
    createdAt: at(95),
    containsPersonalData: false,
  },
  {
    id: 's3',
    source: platform,
    severity: 'error',
    title: {
      fi: 'Kirjautuminen oppimateriaaliin epäonnistui',
      sv: 'Inloggningen till läromaterialet misslyckades',
      en: 'Sign-in to the learning material failed',
    },
    createdAt: at(60 * 11),
    containsPersonalData: false,
  },
  {
    id: 's4',
    source: tehtavat,
    severity: 'success',
    title: { fi: 'Palautus vastaanotettu', sv: 'Inlämningen har tagits emot', en: 'Submission received' },
    createdAt: at(60 * 30),
    readAt: at(60 * 29),
    containsPersonalData: false,
  },
  {
    id: 's5',
    source: kalenteri,
    severity: 'info',
    title: {
      fi: 'Liikuntatunti pidetään ulkona',
      sv: 'Gymnastiklektionen hålls utomhus',
      en: 'PE lesson is outdoors',
    },
    createdAt: at(60 * 24 * 3),
    readAt: at(60 * 24 * 3),
    containsPersonalData: false,
  },
];

// personal data (containsPersonalData): a pupil's grade, a guardian's message
const personal: Notification[] = [
  {
    id: 'p1',
    source: { pluginId: 'fi.example.arviointi', vendorName: 'Arviointi' },
    severity: 'success',
    title: {
      fi: 'Aino sai matematiikan kokeesta 9',
      sv: 'Aino fick 9 i matematikprovet',
      en: 'Aino got 9 in the maths test',
    },
    body: { fi: 'Hienoa työtä, Aino!', sv: 'Bra jobbat, Aino!', en: 'Well done, Aino!' },
    createdAt: at(5),
    containsPersonalData: true,
  },
  {
    id: 'p2',
    source: kalenteri,
    severity: 'info',
    title: {
      fi: 'Ainon huoltajalta viesti: poissa perjantaina',
      sv: 'Meddelande från Ainos vårdnadshavare: borta på fredag',
      en: "Message from Aino's guardian: away on Friday",
    },
    createdAt: at(40),
    containsPersonalData: true,
  },
];

const severities: Severity[] = ['info', 'success', 'warning', 'error'];
function many(count: number, sources: number): Notification[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    source: { pluginId: `fi.example.p${i % sources}`, vendorName: `Palvelu ${(i % sources) + 1}` },
    severity: severities[i % 4]!,
    title: {
      fi: `Ilmoitus numero ${i + 1}`,
      sv: `Avisering nummer ${i + 1}`,
      en: `Notification number ${i + 1}`,
    },
    createdAt: at(i * 7),
    ...(i % 3 ? { readAt: at(i * 7) } : {}),
    containsPersonalData: false,
  }));
}

const longWords: Notification[] = [
  {
    id: 'l1',
    source: { pluginId: 'fi.example.oppilashuolto', vendorName: 'Oppilashuoltokertomusjärjestelmä' },
    severity: 'warning',
    title: {
      fi: 'Lukuvuosisuunnitelmaluonnoksen kommentointimahdollisuus päättyy perjantaina',
      sv: 'Möjligheten att kommentera läsårsplaneutkastet upphör på fredag',
      en: 'Commenting on the draft academic-year plan closes on Friday',
    },
    body: {
      fi: 'Erityisopetuksenjärjestämissuunnitelmaan liittyvät huomautukset käsitellään opettajainkokouksessa.',
      sv: 'Anmärkningar om planen för specialundervisningen behandlas i lärarmötet.',
      en: 'Remarks on the special-education arrangement plan are handled in the staff meeting.',
    },
    createdAt: at(3),
    containsPersonalData: false,
  },
  ...sample.slice(0, 2),
];

const meta: Meta<Args> = {
  title: 'Elements/Notification tray',
  component: 'd1-notification-tray',
  args: {
    notifications: sample,
    open: false,
    max: 500,
    perSourceLimit: 100,
    sharedScreen: false,
    refuse: false,
  },
  render: (args) =>
    html`<div style="display: flex; justify-content: flex-end; padding-block-end: 36rem">
      <d1-notification-tray
        .notifications=${args.notifications}
        .now=${NOW}
        ?open=${args.open}
        max=${args.max}
        per-source-limit=${args.perSourceLimit}
        ?shared-screen=${args.sharedScreen}
        @d1-notification-read=${(e: Event) => args.refuse && e.preventDefault()}
        @d1-notification-dismiss=${(e: Event) => args.refuse && e.preventDefault()}
      ></d1-notification-tray>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The bell alone: three unread, the count in the button's accessible name. */
export const Closed: Story = {};

/** Open: newest first, grouped by day, severities with icon and text, links into plugins. */
export const Open: Story = { args: { open: true } };

export const Empty: Story = { args: { notifications: [], open: true } };

export const AllRead: Story = {
  args: { open: true, notifications: sample.map((n) => ({ ...n, readAt: n.readAt ?? at(1) })) },
};

/** 10,000 notifications: the tray keeps the newest 500, says so, and renders only a window. */
export const TenThousand: Story = { args: { open: true, notifications: many(10_000, 40) } };

/** One noisy source is capped so it cannot crowd the others out. */
export const NoisySource: Story = {
  args: { open: true, perSourceLimit: 20, notifications: [...many(60, 1), ...sample.slice(1, 3)] },
};

export const LongFinnishWords: Story = { args: { open: true, notifications: longWords } };

/**
 * A classroom display or a projector (`shared-screen`): notifications with personal data show and
 * are announced only as "Henkilökohtainen ilmoitus" from their source; the others as usual.
 */
export const SharedScreen: Story = {
  args: { open: true, sharedScreen: true, notifications: [...personal, ...sample.slice(0, 2)] },
};

/** Marking read or dismissing is refused by the host: the change is undone with a message. */
export const RefusingHost: Story = { args: { open: true, refuse: true } };

/** On a phone the panel spans the screen. */
export const NarrowScreen: Story = {
  args: { open: true },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
