import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, sendKeys, sendMouse } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import { servicesContext, type Notification, type PlatformServices } from '@digione/context';
import '../../src/define/d1-notification-tray.js';
import type { D1NotificationTray } from '../../src/notification-tray/notification-tray.js';
import { waitFor } from '../../../../test/helpers/wait.js';
import { FakeNotificationService, NOW, many, note } from './fixtures.js';

type AxNode = { role: string; name: string; children?: AxNode[] };

const $ = <T extends Element = HTMLElement>(el: D1NotificationTray, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: D1NotificationTray, sel: string): HTMLElement[] =>
  Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(sel));
const focused = (el: D1NotificationTray): Element | null => el.shadowRoot!.activeElement;
const bell = (el: D1NotificationTray) => $<HTMLButtonElement>(el, '.bell')!;
const items = (el: D1NotificationTray) => $$(el, '.item');
const titleOf = (item: Element | null | undefined) =>
  item?.querySelector('.title')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Text with every kind of space (Intl groups digits with a no-break space) as one plain space. */
const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const politeRegion = () => document.querySelector<HTMLElement>('[data-d1-announcer="polite"]')!;
const assertiveRegion = () => document.querySelector<HTMLElement>('[data-d1-announcer="assertive"]')!;

async function tray(lang: string, props: Partial<D1NotificationTray> = {}): Promise<D1NotificationTray> {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <button id="before">before</button><d1-notification-tray></d1-notification-tray>
    </div>`,
  );
  const el = wrap.querySelector('d1-notification-tray')!;
  Object.assign(el, { now: NOW, ...props });
  await el.updateComplete;
  return el;
}

/** A tray inside a provider of `servicesContext`, as `<d1-platform>` provides it. */
async function trayWithService(svc: FakeNotificationService, lang = 'fi'): Promise<D1NotificationTray> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  new ContextProvider(wrap, {
    context: servicesContext,
    initialValue: { notifications: svc } as PlatformServices,
  });
  const el = document.createElement('d1-notification-tray');
  el.now = NOW;
  wrap.append(el);
  await el.updateComplete;
  return el;
}

/** Real keys: Tab from the button before the tray onto the bell, then Enter. */
async function openWithKeyboard(el: D1NotificationTray): Promise<void> {
  const before = el.parentElement!.querySelector<HTMLElement>('#before');
  if (before) {
    before.focus();
    await sendKeys({ press: 'Tab' });
  } else {
    bell(el).focus();
  }
  await waitFor(() => focused(el) === bell(el), 'bell focused');
  await sendKeys({ press: 'Enter' });
  await waitFor(() => el.open && focused(el)?.id === 'heading', 'panel open, heading focused');
}

function findNode(node: AxNode | null, pred: (n: AxNode) => boolean): AxNode | null {
  if (!node) return null;
  if (pred(node)) return node;
  for (const c of node.children ?? []) {
    const f = findNode(c, pred);
    if (f) return f;
  }
  return null;
}

const unread3 = () => [
  note({ minutesAgo: 1 }),
  note({ minutesAgo: 2 }),
  note({ minutesAgo: 3 }),
  note({ readAt: new Date(NOW).toISOString() }),
];

describe('<d1-notification-tray> bell', () => {
  for (const [lang, name, one] of [
    ['fi', 'Ilmoitukset, 3 lukematonta', 'Ilmoitukset, 1 lukematon'],
    ['sv', 'Aviseringar, 3 olästa', 'Aviseringar, 1 oläst'],
    ['en', 'Notifications, 3 unread', 'Notifications, 1 unread'],
  ] as const) {
    it(`${lang}: the accessible name holds the unread count; the badge is hidden from AT`, async () => {
      const el = await tray(lang, { notifications: unread3() });
      const snap = (await a11ySnapshot({})) as unknown as AxNode;
      const button = findNode(snap, (n) => n.role === 'button' && n.name.startsWith(name.split(',')[0]!));
      expect(button?.name).to.equal(name);
      expect($(el, '[part="badge"]')!.getAttribute('aria-hidden')).to.equal('true');
      expect($(el, '[part="badge"]')!.textContent).to.equal('3');
      el.notifications = [note({ minutesAgo: 1 })];
      await el.updateComplete;
      const snap2 = (await a11ySnapshot({})) as unknown as AxNode;
      expect(findNode(snap2, (n) => n.role === 'button' && n.name === one)).to.not.equal(null);
    });
  }

  it('no unread: the name is just the word, no badge', async () => {
    const el = await tray('fi', { notifications: [note({ readAt: new Date(NOW).toISOString() })] });
    expect(bell(el).textContent!.trim()).to.equal('Ilmoitukset');
    expect($(el, '[part="badge"]')).to.equal(null);
  });

  it('re-renders live when the language changes', async () => {
    const el = await tray('fi', { notifications: unread3() });
    el.parentElement!.setAttribute('lang', 'sv');
    await waitFor(() => bell(el).textContent!.includes('Aviseringar, 3 olästa'), 'swedish name');
  });

  it('bell target is at least 24 x 24 px and has aria-expanded + aria-controls', async () => {
    const el = await tray('fi', { notifications: unread3() });
    const r = bell(el).getBoundingClientRect();
    expect(r.width).to.be.at.least(24);
    expect(r.height).to.be.at.least(24);
    expect(bell(el).getAttribute('aria-expanded')).to.equal('false');
    const panel = el.shadowRoot!.getElementById(bell(el).getAttribute('aria-controls')!)!;
    expect(panel.getAttribute('role')).to.equal('region');
    expect(panel.hidden).to.equal(true);
  });
});

describe('<d1-notification-tray> keyboard', () => {
  it('Enter opens and focuses the heading; Escape closes and returns focus to the bell', async () => {
    const el = await tray('fi', { notifications: unread3() });
    await openWithKeyboard(el);
    expect(bell(el).getAttribute('aria-expanded')).to.equal('true');
    const snap = (await a11ySnapshot({})) as unknown as AxNode;
    expect(findNode(snap, (n) => n.role === 'region' && n.name === 'Ilmoitukset')).to.not.equal(null);
    expect(findNode(snap, (n) => n.role === 'alert')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !el.open, 'closed');
    expect(focused(el)).to.equal(bell(el));
    expect(bell(el).getAttribute('aria-expanded')).to.equal('false');
    // Space toggles too
    await sendKeys({ press: 'Space' });
    await waitFor(() => el.open, 'open with space');
  });

  it('Escape from deep inside the list closes and returns focus to the bell', async () => {
    const el = await tray('en', { notifications: unread3() });
    await openWithKeyboard(el);
    await sendKeys({ press: 'Tab' }); // mark all read
    await sendKeys({ press: 'Tab' }); // close
    await sendKeys({ press: 'Tab' }); // first item
    await waitFor(() => focused(el)?.classList.contains('item'), 'first item focused');
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => focused(el) === items(el)[1], 'second item focused');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !el.open && focused(el) === bell(el), 'closed, bell focused');
  });

  it('an outside click closes; focus goes back to the bell when the click landed on nothing focusable', async () => {
    const el = await tray('fi', { notifications: unread3() });
    await openWithKeyboard(el);
    const r = document.body.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(r.width) - 5, Math.round(window.innerHeight) - 5],
    });
    await waitFor(() => !el.open, 'closed by outside click');
    await waitFor(() => focused(el) === bell(el), 'focus back on the bell');
  });

  it('Tab out of the panel closes it without trapping focus', async () => {
    const el = await tray('fi', { notifications: [note()] });
    const after = document.createElement('button');
    after.textContent = 'after';
    el.parentElement!.append(after);
    await openWithKeyboard(el);
    for (let i = 0; i < 8 && document.activeElement !== after; i++) await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    await waitFor(() => !el.open, 'closed on focus leaving');
  });

  it('arrow keys, Home and End move between items; only one item is a tab stop', async () => {
    const el = await tray('fi', { notifications: many(5) });
    await openWithKeyboard(el);
    items(el)[0]!.focus();
    await sendKeys({ press: 'End' });
    await waitFor(() => focused(el) === items(el)[4], 'last item');
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => focused(el) === items(el)[3], 'fourth item');
    await sendKeys({ press: 'Home' });
    await waitFor(() => focused(el) === items(el)[0], 'first item');
    expect(items(el).filter((i) => i.tabIndex === 0).length).to.equal(1);
  });
});

describe('<d1-notification-tray> content', () => {
  it('lists newest first, grouped by Helsinki day, with source, severity text, and a <time datetime>', async () => {
    const el = await tray('fi', {
      notifications: [
        note({ id: 'old', createdAt: '2025-03-10T10:00:00Z', title: { fi: 'Vanha' } }),
        note({ id: 'yday', createdAt: '2025-03-11T21:30:00Z', title: { fi: 'Eilinen' } }),
        // 00.30 on the 12th in Helsinki although still the 11th in UTC
        note({
          id: 'today',
          createdAt: '2025-03-11T22:30:00Z',
          title: { fi: 'Tämänpäiväinen' },
          severity: 'warning',
        }),
      ],
      open: true,
    });
    const rows = $$(el, '.day, .item').map((r) =>
      r.classList.contains('day') ? `# ${r.textContent!.trim()}` : titleOf(r).replace('Lukematon: ', ''),
    );
    expect(rows[0]).to.equal('# Tänään');
    expect(rows[1]).to.equal('Tämänpäiväinen');
    expect(rows[2]).to.equal('# Eilen');
    expect(rows[3]).to.equal('Eilinen');
    expect(rows[4]).to.match(/^# ma 10\.3\.2025$/);
    const first = items(el)[0]!;
    expect(first.querySelector('.meta')!.textContent).to.contain('Varoitus');
    expect(first.querySelector('.meta')!.textContent).to.contain('Kalenteri');
    const time = first.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2025-03-11T22:30:00Z');
    expect(time.textContent).to.equal('9 tuntia sitten');
    expect(first.querySelector('.sev-icon svg')).to.not.equal(null);
  });

  it('renders HTML and script payloads as text and runs nothing', async () => {
    const w = window as unknown as { __pwned?: number };
    delete w.__pwned;
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const el = await tray('fi', {
      open: true,
      notifications: [
        note({
          title: { fi: evil },
          body: { fi: '<b onmouseover="window.__pwned=3">lihava</b>' },
          source: { pluginId: 'x', vendorName: '<i>Vendor</i>', icon: 'javascript:alert(1)' },
          link: { href: 'javascript:window.__pwned=4' },
        }),
      ],
    });
    const item = items(el)[0]!;
    expect(titleOf(item)).to.contain(evil);
    expect(item.querySelector('.body')!.textContent).to.equal('<b onmouseover="window.__pwned=3">lihava</b>');
    expect(item.querySelector('.source')!.textContent).to.contain('<i>Vendor</i>');
    expect(item.querySelector('script, b, i, img')).to.equal(null);
    // a javascript: link is not a link at all
    expect(item.querySelector('a')).to.equal(null);
    // control: the same payload parsed as HTML does run (so the check below can fail), and by the
    // time it has, the tray's copy would have run too
    const control = document.createElement('div');
    control.innerHTML = evil.replace('__pwned=1', '__control=1').replace('src=x', 'src=data:,'); // no network
    document.body.append(control);
    await waitFor(() => (window as unknown as { __control?: number }).__control === 1, 'control payload ran');
    control.remove();
    expect(w.__pwned).to.equal(undefined);
  });

  it('malformed or repeated items from outside are left out; the rest still shows', async () => {
    const good = note({ id: 'ok', title: { fi: 'Kunnossa' } });
    const odd = {
      ...note({ id: 'odd' }),
      title: null,
      body: 7,
      source: null,
      link: 'x',
      severity: '__proto__',
    } as unknown as Notification;
    const junk = [
      null,
      5,
      'x',
      { id: 'no-date' },
      { id: 'bad-date', createdAt: 'eilen' },
      good,
      odd,
      { ...good },
    ];
    const warned: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args);
    let el: D1NotificationTray;
    try {
      el = await tray('fi', { notifications: junk as unknown as Notification[], open: true });
    } finally {
      console.warn = warn;
    }
    // left out, but not in silence: the page's author learns why
    expect(warned.map((w) => String(w[0]))).to.deep.equal([
      '[d1-notification-tray] left out 5: each needs an id and an ISO createdAt',
    ]);
    expect(items(el).map((i) => i.dataset.index)).to.deep.equal(['0', '1']);
    const [odd1, ok1] = items(el);
    expect(titleOf(ok1)).to.contain('Kunnossa');
    // no title, a number as body, no source, a bogus severity: shown as an untitled "Tiedote"
    expect(odd1!.querySelector('.meta')!.textContent).to.contain('Tiedote');
    expect(odd1!.querySelector('.body')).to.equal(null);
    expect(el.unreadCount).to.equal(2);
    el.notifications = { not: 'an array' } as unknown as Notification[];
    await el.updateComplete;
    expect(el.unreadCount).to.equal(0);
    expect($(el, '.d1-empty')).to.not.equal(null);
  });

  it('an action link is a real link and fires d1-notification-open (cancelable); plugin-only links are buttons', async () => {
    const withHref = note({
      title: { fi: 'Avaa kalenteri' },
      link: { href: 'https://kalenteri.example.fi/e/1' },
    });
    const pluginOnly = note({
      title: { fi: 'Avaa tehtävä' },
      link: { pluginId: 'fi.example.tehtavat', path: '/t/9' },
    });
    const el = await tray('fi', { open: true, notifications: [withHref, pluginOnly] });
    const a = items(el)[0]!.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('https://kalenteri.example.fi/e/1');
    const opened: Notification[] = [];
    el.addEventListener('d1-notification-open', (e) => {
      opened.push(e.detail.notification);
      e.preventDefault(); // the portal routes it itself: no navigation in the test page
    });
    a.focus();
    await sendKeys({ press: 'Enter' });
    expect(opened.map((n) => n.id)).to.deep.equal([withHref.id]);
    const b = items(el)[1]!.querySelector('button.link-button') as HTMLButtonElement;
    b.focus();
    await sendKeys({ press: 'Enter' });
    expect(opened.map((n) => n.id)).to.deep.equal([withHref.id, pluginOnly.id]);
    expect(location.href).to.not.contain('kalenteri');
  });
});

describe('<d1-notification-tray> with a NotificationService', () => {
  it('follows the service again after it was moved (removed and put back)', async () => {
    const svc = new FakeNotificationService(unread3());
    const el = await trayWithService(svc);
    expect(el.unreadCount).to.equal(3);
    const wrap = el.parentElement!;
    el.remove();
    svc.push(note({ id: 'while-away' }));
    wrap.append(el);
    // the context answers the reconnected tray, which re-renders and subscribes again
    await waitFor(() => bell(el).textContent!.includes('4 lukematonta'), 'the list as it is now');
    svc.push(note({ id: 'after-return' }));
    await waitFor(() => bell(el).textContent!.includes('5 lukematonta'), 'pushes heard again');
  });

  it('mark read is optimistic and rolled back with a visible message when the service refuses', async () => {
    const svc = new FakeNotificationService(unread3());
    const el = await trayWithService(svc);
    await openWithKeyboard(el);
    expect(el.unreadCount).to.equal(3);
    svc.hold = true;
    svc.fail = true;
    const markBtn = items(el)[0]!.querySelector<HTMLButtonElement>('.actions button')!;
    expect(markBtn.textContent).to.contain('Merkitse luetuksi');
    markBtn.focus();
    await sendKeys({ press: 'Enter' });
    // optimistic: read at once, before the service answers
    await waitFor(() => el.unreadCount === 2, 'optimistically read');
    expect(bell(el).textContent).to.contain('2 lukematonta');
    // focus stays on the item whose button went away
    await waitFor(() => focused(el) === items(el)[0], 'focus on the item');
    expect(svc.calls).to.deep.equal([['markRead', [svc.list()[0]!.id]]]);
    svc.release();
    await waitFor(() => el.unreadCount === 3, 'rolled back');
    const msg = $(el, '.message')!;
    expect(msg.textContent).to.contain('Luetuksi merkitseminen epäonnistui');
    await waitFor(
      () => assertiveRegion().textContent!.includes('Luetuksi merkitseminen epäonnistui'),
      'announced',
    );
  });

  it('mark read succeeds through the service; mark all read too', async () => {
    const svc = new FakeNotificationService(unread3());
    const el = await trayWithService(svc, 'en');
    await openWithKeyboard(el);
    items(el)[1]!.querySelector<HTMLButtonElement>('.actions button')!.click();
    await waitFor(() => svc.list().filter((n) => !n.readAt).length === 2, 'service marked it');
    expect(el.unreadCount).to.equal(2);
    $<HTMLElement>(el, '#heading')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent).to.contain('Mark all as read');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.unreadCount === 0, 'all read');
    expect(svc.calls.map((c) => c[0])).to.include('markAllRead');
    // the button went away; focus went to the heading, not to <body>
    await waitFor(() => focused(el)?.id === 'heading', 'heading focused');
  });

  it('mark all read rolls back when refused', async () => {
    const svc = new FakeNotificationService(unread3());
    const el = await trayWithService(svc, 'sv');
    await openWithKeyboard(el);
    svc.fail = true;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $(el, '.message'), 'message');
    expect(el.unreadCount).to.equal(3);
    expect($(el, '.message')!.textContent).to.contain('Det gick inte att markera som läst');
  });

  it('dismiss moves focus to the next item, or to the heading after the last; rolled back when refused', async () => {
    const list = many(3);
    const svc = new FakeNotificationService(list);
    const el = await trayWithService(svc);
    await openWithKeyboard(el);
    const dismissOf = (i: number) =>
      Array.from(items(el)[i]!.querySelectorAll<HTMLButtonElement>('.actions button')).at(-1)!;
    items(el)[0]!.focus();
    dismissOf(0).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => items(el).length === 2, 'one gone');
    await waitFor(
      () => focused(el) === items(el)[0] && titleOf(items(el)[0]).includes('Viesti 1'),
      'next item focused',
    );
    // the last one: focus to the heading
    dismissOf(1).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => items(el).length === 1, 'two gone');
    await waitFor(() => focused(el)?.id === 'heading', 'heading focused');
    // refused: it comes back with a message
    svc.fail = true;
    dismissOf(0).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $(el, '.message'), 'message');
    expect(items(el).length).to.equal(1);
    expect($(el, '.message')!.textContent).to.contain('palautettiin');
  });

  it('announces a pushed notification politely, an error assertively, and never moves focus', async () => {
    const svc = new FakeNotificationService(unread3());
    const el = await trayWithService(svc);
    const before = el.parentElement!.ownerDocument.activeElement;
    expect(politeRegion()).to.not.equal(null);
    svc.push(
      note({
        minutesAgo: 0,
        title: { fi: 'Uusi tehtävä' },
        source: { pluginId: 'p', vendorName: 'Tehtävät' },
      }),
    );
    await waitFor(
      () => politeRegion().textContent === 'Uusi ilmoitus: Uusi tehtävä (Tehtävät)',
      'polite announcement',
      4000,
    );
    expect(document.activeElement).to.equal(before);
    expect(bell(el).textContent).to.contain('4 lukematonta');
    svc.push(
      note({
        minutesAgo: 0,
        severity: 'error',
        title: { fi: 'Palvelu ei vastaa' },
        source: { pluginId: 'p', vendorName: 'Tehtävät' },
      }),
    );
    await waitFor(
      () => assertiveRegion().textContent === 'Uusi virheilmoitus: Palvelu ei vastaa (Tehtävät)',
      'assertive',
      4000,
    );
  });

  it('summarises a burst instead of reading each one', async () => {
    const svc = new FakeNotificationService([]);
    const el = await trayWithService(svc);
    const seen: string[] = [];
    const obs = new MutationObserver(
      () => politeRegion().textContent && seen.push(politeRegion().textContent!),
    );
    obs.observe(politeRegion(), { childList: true, characterData: true, subtree: true });
    for (let i = 0; i < 5; i++) svc.push(note({ minutesAgo: 0, title: { fi: `Viesti ${i}` } }));
    await waitFor(() => seen.includes('5 uutta ilmoitusta'), 'summary', 4000);
    obs.disconnect();
    expect(seen.filter((s) => s.includes('Viesti'))).to.deep.equal([]);
    expect(el.unreadCount).to.equal(5);
  });
});

describe('<d1-notification-tray> burst with an error', () => {
  it('a burst containing an error is summarised assertively, with the error count', async () => {
    const svc = new FakeNotificationService([]);
    await trayWithService(svc, 'en');
    svc.push(note({ minutesAgo: 0 }), note({ minutesAgo: 0, severity: 'error' }), note({ minutesAgo: 0 }));
    await waitFor(
      () => assertiveRegion().textContent === '3 new notifications, including 1 error',
      'assertive summary',
      4000,
    );
  });
});

describe('<d1-notification-tray> standalone', () => {
  it('fires typed d1-notification-read / -dismiss; waitUntil rejection rolls back', async () => {
    const list = unread3();
    const el = await tray('en', { notifications: list, open: true });
    const got: string[] = [];
    el.addEventListener('d1-notification-read', (e) => {
      got.push(`read:${e.detail.ids.join()}:${e.detail.all}`);
      e.detail.waitUntil(Promise.reject(new Error('offline')));
    });
    el.addEventListener('d1-notification-dismiss', (e) =>
      got.push(`dismiss:${e.detail.id}:${e.detail.notification.id}`),
    );
    items(el)[0]!.querySelector<HTMLButtonElement>('.actions button')!.click();
    expect(el.unreadCount).to.equal(2);
    await waitFor(() => el.unreadCount === 3, 'rolled back');
    expect($(el, '.message')!.textContent).to.contain('Could not mark as read');
    Array.from(items(el)[0]!.querySelectorAll<HTMLButtonElement>('.actions button')).at(-1)!.click();
    await el.updateComplete;
    expect(items(el).length).to.equal(3);
    expect(got[0]).to.equal(`read:${list[0]!.id}:false`);
    expect(got[1]).to.equal(`dismiss:${list[0]!.id}:${list[0]!.id}`);
    expect($(el, '.message')).to.equal(null);
  });

  it('a refused event (preventDefault) undoes the change at once', async () => {
    const el = await tray('fi', { notifications: unread3(), open: true });
    el.addEventListener('d1-notification-dismiss', (e) => e.preventDefault());
    Array.from(items(el)[0]!.querySelectorAll<HTMLButtonElement>('.actions button')).at(-1)!.click();
    await waitFor(() => $(el, '.message'), 'message');
    expect(items(el).length).to.equal(4);
  });

  it('a new array with added notifications is announced; the first one is not', async () => {
    const list = many(3);
    const el = await tray('en', { notifications: list });
    el.notifications = [
      note({ minutesAgo: 0, title: { en: 'Fresh' }, source: { pluginId: 'p', vendorName: 'P' } }),
      ...list,
    ];
    await waitFor(() => politeRegion().textContent === 'New notification: Fresh (P)', 'announced', 4000);
  });
});

describe('<d1-notification-tray> on a shared screen', () => {
  const grade = () =>
    note({
      minutesAgo: 1,
      title: { en: 'Aino got 9 in the maths test' },
      body: { en: 'Well done, Aino!' },
      source: { pluginId: 'fi.example.arviointi', vendorName: 'Arviointi' },
      containsPersonalData: true,
    });
  const trip = () =>
    note({ minutesAgo: 2, title: { en: 'The museum trip leaves at 9' }, containsPersonalData: false });

  it('shows a personal notification only as "personal" from its source; others as they are', async () => {
    const el = await tray('en', { notifications: [grade(), trip()], sharedScreen: true });
    el.open = true;
    await el.updateComplete;
    await waitFor(() => items(el).length === 2, 'two items');
    expect(titleOf(items(el)[0])).to.equal('Unread: Personal notification');
    expect(text(items(el)[0]!.querySelector('.meta'))).to.contain('Arviointi');
    expect(items(el)[0]!.querySelector('.body')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Aino');
    expect(titleOf(items(el)[1])).to.equal('Unread: The museum trip leaves at 9');
    // what a screen reader reads: the item and its buttons name no content either
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    expect(JSON.stringify(snapshot)).not.to.contain('Aino');
    const names: string[] = [];
    findNode(snapshot, (n) => (n.role === 'button' && names.push(n.name), false));
    expect(names, JSON.stringify(names)).to.include.members([
      'Mark as read: Personal notification',
      'Dismiss: Personal notification',
    ]);

    // on the person's own screen again: the content is back
    el.sharedScreen = false;
    await el.updateComplete;
    expect(titleOf(items(el)[0])).to.equal('Unread: Aino got 9 in the maths test');
    expect(text(items(el)[0]!.querySelector('.body'))).to.equal('Well done, Aino!');
  });

  it('announces a new personal notification without its content', async () => {
    const el = await tray('en', { notifications: [trip()], sharedScreen: true });
    el.notifications = [grade(), ...el.notifications!];
    await waitFor(
      () => politeRegion().textContent === 'New notification: Personal notification (Arviointi)',
      'announced',
      4000,
    );
  });
});

describe('<d1-notification-tray> limits and virtualization', () => {
  it('10,000 notifications: keeps the newest 500, says so, and renders only a window', async () => {
    const el = await tray('fi', { notifications: many(10_000, 100), open: true });
    await waitFor(() => items(el).length > 0, 'rows');
    expect(text($(el, '.notes'))).to.contain('Näytetään 500 uusinta ilmoitusta, yhteensä 10 000.');
    expect(items(el).length).to.be.below(80);
    expect(el.unreadCount).to.equal(10_000);
    expect(text(bell(el))).to.contain('Ilmoitukset, 10 000 lukematonta');
    expect($(el, '[part="badge"]')!.textContent).to.equal('99+');
  });

  it('per-source limit: a noisy source cannot crowd out a quiet one', async () => {
    const noisy = many(300, 1);
    const quiet = note({
      minutesAgo: 400,
      title: { fi: 'Hiljainen' },
      source: { pluginId: 'q', vendorName: 'Hiljainen' },
    });
    const el = await tray('fi', { notifications: [...noisy, quiet], open: true, perSourceLimit: 100 });
    await waitFor(() => items(el).length > 0, 'rows');
    expect($(el, '.notes')!.textContent).to.contain('Palvelu 0: 200 vanhempaa ilmoitusta piilotettu.');
    items(el)[0]!.focus();
    await sendKeys({ press: 'End' });
    await waitFor(() => titleOf(focused(el)).includes('Hiljainen'), 'the quiet one is last and reachable');
  });

  it('all 10,000 when the cap allows: End reaches the last through the virtual list, DOM stays small', async () => {
    const el = await tray('fi', {
      notifications: many(10_000, 1),
      open: true,
      max: 10_000,
      perSourceLimit: 10_000,
    });
    await waitFor(() => items(el).length > 0, 'rows');
    items(el)[0]!.focus();
    const t0 = performance.now();
    await sendKeys({ press: 'End' });
    await waitFor(() => titleOf(focused(el)).includes('Viesti 9999'), 'last item focused');
    const ms = performance.now() - t0;
    expect(items(el).length).to.be.below(80);
    expect(ms).to.be.below(2000);
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => titleOf(focused(el)).includes('Viesti 9998'), 'previous');
  });
});

describe('<d1-notification-tray> virtual list and Tab', () => {
  it('after the list is scrolled far away, Tab lands on a notification in view', async () => {
    const el = await tray('fi', {
      notifications: many(2000, 1),
      open: true,
      max: 2000,
      perSourceLimit: 2000,
    });
    await waitFor(() => items(el).length > 0, 'rows');
    const list = $(el, '.list')!;
    // scroll far away without moving focus, as a wheel or a scrollbar drag would
    list.scrollTop = list.scrollHeight * 0.6;
    await waitFor(
      () => items(el).length && items(el).every((i) => Number(i.dataset.index) > 100),
      'window moved',
    );
    await waitFor(() => items(el).some((i) => i.tabIndex === 0), 'a rendered row is the tab stop');
    $<HTMLElement>(el, '.close')!.focus();
    await sendKeys({ press: 'Tab' });
    await waitFor(() => focused(el)?.classList.contains('item'), 'Tab reached a notification');
    const r = focused(el)!.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    expect(r.bottom).to.be.greaterThan(l.top);
    expect(r.top).to.be.lessThan(l.bottom);
  });
});
