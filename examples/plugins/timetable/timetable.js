// Kuusikoski's timetable widget: a module plugin. The portal imports this file (it is on the
// portal's module allow list) and calls mount(container, client) with the same PluginClient an
// iframe plugin gets from connect(), so the code is written against @digione/plugin-sdk's API.
// No build step and no dependency: it runs in the portal's page, inside a shadow root of its own.
// Its colours are the portal's design tokens (--d1-*), which reach into the shadow root, so it
// follows the portal's theme and brand by itself.

const TEXT = {
  fi: {
    caption: (g, w) => `Lukujärjestys: ${g}, viikko ${w}`,
    noGroup: 'Valitse ryhmä portaalin yläreunasta, niin näet sen lukujärjestyksen.',
    period: 'Tunti',
    today: 'tänään',
    days: ['Maanantai', 'Tiistai', 'Keskiviikko', 'Torstai', 'Perjantai'],
    exercises: 'Avaa ryhmän harjoitukset',
    noExercises: 'Ryhmän harjoitukset eivät ole käytettävissäsi.',
    subjects: ['Matematiikka', 'Äidinkieli', 'Englanti', 'Ruotsi', 'Historia', 'Biologia', 'Liikunta', 'Kuvataide', 'Musiikki', 'Kotitalous', 'Fysiikka'],
  },
  sv: {
    caption: (g, w) => `Schema: ${g}, vecka ${w}`,
    noGroup: 'Välj en grupp högst upp i portalen för att se dess schema.',
    period: 'Lektion',
    today: 'i dag',
    days: ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag'],
    exercises: 'Öppna gruppens övningar',
    noExercises: 'Gruppens övningar är inte tillgängliga för dig.',
    subjects: ['Matematik', 'Modersmål', 'Engelska', 'Finska', 'Historia', 'Biologi', 'Gymnastik', 'Bildkonst', 'Musik', 'Huslig ekonomi', 'Fysik'],
  },
  en: {
    caption: (g, w) => `Timetable: ${g}, week ${w}`,
    noGroup: 'Choose a group at the top of the portal to see its timetable.',
    period: 'Lesson',
    today: 'today',
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
    exercises: "Open the group's exercises",
    noExercises: "The group's exercises are not available to you.",
    subjects: ['Mathematics', 'Mother tongue', 'English', 'Second national language', 'History', 'Biology', 'Physical education', 'Visual arts', 'Music', 'Home economics', 'Physics'],
  },
};
const TIMES = ['8.15–9.00', '9.15–10.00', '10.15–11.00', '11.30–12.15', '12.30–13.15', '13.30–14.15'];

const STYLES = `
  :host { display: block; }
  .tt { font: inherit; color: var(--d1-color-text); }
  table { border-collapse: collapse; width: 100%; min-width: 36rem; }
  .scroll { overflow-x: auto; }
  caption { text-align: start; font-weight: var(--d1-font-weight-bold, 600); font-size: var(--d1-font-size-l, 1.25rem); padding-block-end: var(--d1-space-s, 0.5rem); }
  th, td { border: 1px solid var(--d1-color-border); padding: var(--d1-space-s, 0.5rem); text-align: start; vertical-align: top; }
  thead th { background: var(--d1-color-canvas); }
  th[scope='row'] { white-space: nowrap; font-weight: var(--d1-font-weight-normal, 400); }
  .today { background: var(--d1-color-selected); color: var(--d1-color-on-selected); }
  .today-mark { font-weight: var(--d1-font-weight-normal, 400); }
  .scroll:focus-visible, button:focus-visible { outline: var(--d1-focus-width, 3px) solid var(--d1-color-focus); outline-offset: var(--d1-focus-offset, 2px); }
  button { font: inherit; min-height: var(--d1-size-control, 2.75rem); margin-block-start: var(--d1-space-m, 0.75rem); padding: 0 var(--d1-space-l, 1rem); color: var(--d1-color-on-primary); background: var(--d1-color-primary); border: 2px solid transparent; border-radius: var(--d1-radius-m, 0.5rem); cursor: pointer; }
  @media (forced-colors: active) { .today { forced-color-adjust: none; background: Highlight; color: HighlightText; } button { border-color: ButtonText; } }
`;

/**
 * Mount the widget.
 * @param {HTMLElement} container where to render (inside the plugin's own shadow root)
 * @param {import('@digione/plugin-sdk').PluginClient} client the same API an iframe plugin gets
 * @returns {() => void} unmount
 */
export function mount(container, client) {
  const root = container.getRootNode();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLES); // a constructed sheet: allowed under the portal's strict CSP
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];

  // Whether the exercises open is the portal's call. Without the `navigation` grant (the context
  // lists what was granted) there is no button at all. For a role that may not see them the host
  // answers NOT_FOUND, as if they did not exist: the button then goes, for as long as that role
  // is active (another role may open them), and says why, instead of doing nothing.
  let refusedFor; // the role the exercises were refused to
  let current = client.context;

  const render = (ctx) => {
    current = ctx;
    const t = TEXT[ctx.locale] ?? TEXT.fi;
    const box = el('div', { class: 'tt', lang: ctx.locale });
    if (!ctx.group) {
      box.append(el('p', {}, t.noGroup));
      container.replaceChildren(box);
      return;
    }
    const now = new Date();
    const todayIndex = now.getDay() - 1; // Monday = 0; weekends have no column marked
    const table = el('table');
    table.append(el('caption', {}, t.caption(ctx.group.title, isoWeek(now))));
    const headRow = el('tr', {}, el('th', { scope: 'col' }, t.period));
    t.days.forEach((day, i) => {
      const th = el('th', { scope: 'col' }, day);
      if (i === todayIndex) {
        th.className = 'today';
        th.setAttribute('aria-current', 'date');
        th.append(' ', el('span', { class: 'today-mark' }, `(${t.today})`));
      }
      headRow.append(th);
    });
    table.append(el('thead', {}, headRow));
    const body = el('tbody');
    const seed = hash(ctx.group.id);
    TIMES.forEach((time, period) => {
      const row = el('tr', {}, el('th', { scope: 'row' }, `${period + 1}. ${time}`));
      t.days.forEach((_, day) => {
        const subject = t.subjects[(seed + day * 7 + period * 3 + ((seed >> (day + period)) & 3)) % t.subjects.length];
        row.append(el('td', i(day === todayIndex), subject));
      });
      body.append(row);
    });
    table.append(body);
    // a wide table scrolls on its own at 320 px instead of the page (WCAG 1.4.10)
    const scroll = el('div', { class: 'scroll', tabindex: '0', role: 'group', 'aria-label': t.caption(ctx.group.title, isoWeek(now)) }, table);
    box.append(scroll);
    if (ctx.permissions?.includes('navigation') && refusedFor !== ctx.role) {
      const open = el('button', { type: 'button' }, t.exercises);
      open.addEventListener('click', () =>
        client.navigate({ pluginId: 'fi.oppimo.harjoitukset' }).catch((err) => {
          if (err?.code !== 'NOT_FOUND') return;
          refusedFor = current.role;
          // focus stays in the widget (on the timetable) rather than falling to the page
          if (open.isConnected && root.activeElement === open) scroll.focus();
          open.remove();
          client.announce((TEXT[current.locale] ?? TEXT.fi).noExercises).catch(() => {});
        }),
      );
      box.append(open);
    }
    container.replaceChildren(box);
  };

  // #region lifecycle
  render(client.context); // the context is there at mount time, as after connect()
  const off = client.on('context', render);
  return () => {
    off();
    container.replaceChildren();
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  // #endregion lifecycle
}

const i = (today) => (today ? { class: 'today' } : {});

/** A tiny element helper: text is set as text, never parsed as HTML. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function hash(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

function isoWeek(date) {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  return Math.ceil(((d - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000 + 1) / 7);
}
