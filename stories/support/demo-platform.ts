// Mock data for the shell and plugin host stories: a demo teacher and pupil of the fictional city
// of Kuusikoski, their groups, a few notifications, and in-memory services behind the platform's
// interfaces, so the portal runs with no network and no sign-in.
import type {
  AcademicSession,
  Group,
  Notification,
  NotificationInput,
  NotificationService,
  Organization,
  PlatformServices,
  PluginSessionService,
  RosterService,
  User,
} from '@digione/context';

/**
 * The vendor-style module plugin of the guides (docs/samples/module-plugin.js), as an absolute URL:
 * Storybook's build copies it as an asset, the test runner serves it as it is.
 */
export const DEMO_PLUGIN_URL = new URL('../../docs/samples/module-plugin.js', import.meta.url).href;

export const organizations: Record<string, Organization> = {
  'org-kuusi': {
    id: 'org-kuusi',
    type: 'school',
    name: {
      fi: 'Kuusikosken yhtenäiskoulu',
      sv: 'Kuusikoski enhetsskola',
      en: 'Kuusikoski Comprehensive School',
    },
    schoolCode: '99901',
  },
};

const sessions: AcademicSession[] = [
  {
    id: 'ses-2025',
    title: 'Lukuvuosi 2025–2026',
    type: 'schoolYear',
    startDate: '2025-08-01',
    endDate: '2026-08-01',
    schoolYear: '2026',
  },
];

const group = (id: string, title: string, kind: Group['kind'] = 'teachingGroup'): Group => ({
  id,
  title,
  kind,
  schoolId: 'org-kuusi',
  sessionIds: ['ses-2025'],
  status: 'active',
  lastModified: '2025-08-01T00:00:00.000Z',
});

export const groups: Group[] = [
  group('grp-7b', '7B', 'homeroom'),
  group('grp-7b-ma', '7B matematiikka'),
  group('grp-8a-ai', '8A äidinkieli ja kirjallisuus'),
  group('grp-9c-ru', '9C ruotsin kieli'),
];

export const teacher: User = {
  id: 'u-teacher',
  givenName: 'Aino',
  familyName: 'Virtanen',
  displayName: 'Aino Virtanen',
  enabled: true,
  roles: [{ role: 'teacher', roleType: 'primary', orgId: 'org-kuusi' }],
};

export const pupil: User = {
  id: 'u-pupil',
  givenName: 'Eeli',
  familyName: 'Korhonen',
  displayName: 'Eeli Korhonen',
  enabled: true,
  roles: [{ role: 'student', roleType: 'primary', orgId: 'org-kuusi', groupLabel: '7B' }],
};

/** Fixed times, so stories look the same every day. */
const NOW = Date.parse('2025-03-12T08:00:00Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

const startNotifications = (): Notification[] => [
  {
    id: 'n-1',
    source: { pluginId: 'fi.kuusikoski.lukupaivakirja', vendorName: 'Lukupäiväkirja' },
    severity: 'info',
    title: { fi: 'Kolme uutta kirja-arviota', sv: 'Tre nya bokrecensioner', en: 'Three new book reviews' },
    createdAt: at(20),
    containsPersonalData: false,
  },
  {
    id: 'n-2',
    source: { pluginId: 'platform', vendorName: 'DigiOne' },
    severity: 'warning',
    title: {
      fi: 'Huoltokatko lauantaina',
      sv: 'Serviceavbrott på lördag',
      en: 'Maintenance break on Saturday',
    },
    createdAt: at(180),
    readAt: at(120),
    containsPersonalData: false,
  },
];

/** An in-memory notification feed; a plugin's `notify()` lands here and so in the tray. */
export class DemoNotifications implements NotificationService {
  #list = startNotifications();
  #subs = new Set<(list: readonly Notification[], added: readonly Notification[]) => void>();
  #next = 1;

  list(): readonly Notification[] {
    return this.#list;
  }
  subscribe(fn: (list: readonly Notification[], added: readonly Notification[]) => void): () => void {
    this.#subs.add(fn);
    return () => this.#subs.delete(fn);
  }
  async post(input: NotificationInput, source: Notification['source']): Promise<Notification> {
    const text = (t: NotificationInput['title']) => (typeof t === 'string' ? { fi: t } : t);
    const n: Notification = {
      id: `demo-${this.#next++}`,
      source,
      severity: input.severity ?? 'info',
      title: text(input.title),
      ...(input.body ? { body: text(input.body) } : {}),
      createdAt: new Date().toISOString(),
      containsPersonalData: input.containsPersonalData ?? true,
    };
    this.#set([n, ...this.#list], [n]);
    return n;
  }
  async markRead(ids: string[]): Promise<void> {
    const now = new Date().toISOString();
    this.#set(this.#list.map((n) => (ids.includes(n.id) && !n.readAt ? { ...n, readAt: now } : n)));
  }
  async markAllRead(): Promise<void> {
    await this.markRead(this.#list.map((n) => n.id));
  }
  async dismiss(id: string): Promise<void> {
    this.#set(this.#list.filter((n) => n.id !== id));
  }
  #set(list: Notification[], added: Notification[] = []): void {
    this.#list = list;
    for (const fn of this.#subs) fn(list, added);
  }
}

const roster: RosterService = {
  async groupsForUser(userId) {
    const mine = userId === pupil.id ? groups.slice(0, 2) : groups;
    return { groups: mine, organizations: Object.values(organizations), sessions };
  },
};

const pluginSessions: PluginSessionService = {
  async session(pluginId) {
    // a pairwise subject per plugin; the token is a placeholder (no backend checks it in a story)
    return {
      pluginId,
      sub: `demo-sub-${pluginId}`,
      token: 'demo.token.unsigned',
      expiresAt: NOW + 3_600_000,
    };
  },
  async storageGet() {
    return null;
  },
  async storageSet() {},
};

/** Fresh in-memory services (each story gets its own notifications). */
export function demoServices(): PlatformServices {
  return { roster, notifications: new DemoNotifications(), pluginSessions };
}
