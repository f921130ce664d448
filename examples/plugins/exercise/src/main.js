// Oppimo's exercise tool: an iframe plugin on the vendor's own origin. It connects to the portal
// with @digione/plugin-sdk, shows the active group's task and pupils (read from the platform's
// OneRoster API with the plugin's own short-lived token), keeps the answer as a draft in platform
// storage, and hands it in with a notification that lands in the portal's tray.
// Bundled with rollup (examples/plugins/rollup.config.mjs), as a vendor would.
import { connect, BridgeError } from '@digione/plugin-sdk';
import { MESSAGES, allLanguages } from './messages.js';

const $ = (id) => document.getElementById(id);
const ui = {
  title: $('title'),
  group: $('group'),
  noGroup: $('no-group'),
  work: $('work'),
  taskHeading: $('task-heading'),
  taskText: $('task-text'),
  answerLabel: $('answer-label'),
  answerHint: $('answer-hint'),
  answer: $('answer'),
  draftStatus: $('draft-status'),
  handIn: $('hand-in'),
  handInStatus: $('hand-in-status'),
  pupilsHeading: $('pupils-heading'),
  pupilsStatus: $('pupils-status'),
  pupils: $('pupils'),
  retry: $('retry'),
  message: $('message'),
};

/** What the page shows; `render()` draws it in the current language. */
const state = {
  lang: 'fi',
  group: null,
  pupils: { status: 'idle', list: [] },
  draft: { status: 'idle', savedAt: 0 },
  handIn: { status: 'idle', at: 0 },
};

let d1;
let api;

ui.answer.addEventListener('input', () => {
  state.handIn = { status: 'idle', at: 0 };
  scheduleDraft();
  render();
});
ui.handIn.addEventListener('click', handIn);
ui.retry.addEventListener('click', () => loadPupils(state.group));

function applyContext(ctx) {
  const groupChanged = ctx.group?.id !== state.group?.id;
  state.lang = MESSAGES[ctx.locale] ? ctx.locale : 'fi';
  state.group = ctx.group;
  applyTheme(ctx.theme);
  if (groupChanged) {
    state.handIn = { status: 'idle', at: 0 };
    loadPupils(ctx.group);
    loadDraft(ctx.group);
  }
  render();
}

// #region pupils
/** The group's pupils, read by the vendor with the plugin token (aud = this plugin, pairwise sub). */
async function fetchPupils(groupId) {
  const token = await d1.getToken();
  const url = `${api.oneRoster}/classes/${encodeURIComponent(groupId)}/students?limit=500`;
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`OneRoster answered ${res.status}`);
  const { users } = await res.json();
  return users;
}
// #endregion pupils

async function loadPupils(group) {
  if (!group) {
    state.pupils = { status: 'idle', list: [] };
    return render();
  }
  state.pupils = { status: 'loading', list: [] };
  render();
  try {
    const users = await fetchPupils(group.id);
    if (group.id !== state.group?.id) return; // the user moved on meanwhile
    state.pupils = { status: 'ready', list: users };
  } catch (e) {
    if (group.id !== state.group?.id) return;
    console.error(e);
    state.pupils = { status: 'error', list: [] };
  }
  render();
}

// #region draft
const draftKey = (group) => `draft:${group.id}`;

async function loadDraft(group) {
  ui.answer.value = '';
  if (!group) return;
  try {
    const draft = await d1.storage.get(draftKey(group)); // null when nothing is stored
    if (group.id === state.group?.id && draft && !ui.answer.value) ui.answer.value = draft.text;
  } catch (e) {
    console.warn('the draft could not be read', e); // the user can still write a new answer
  }
}

let draftTimer = 0;
function scheduleDraft() {
  clearTimeout(draftTimer);
  const group = state.group;
  const text = ui.answer.value;
  draftTimer = setTimeout(async () => {
    try {
      await d1.storage.set(draftKey(group), { text, savedAt: Date.now() });
      state.draft = { status: 'saved', savedAt: Date.now() };
    } catch {
      state.draft = { status: 'error', savedAt: 0 };
    }
    render();
  }, 500);
}
// #endregion draft

// #region hand-in
async function handIn() {
  const group = state.group;
  if (!ui.answer.value.trim()) {
    state.handIn = { status: 'empty', at: 0 };
    render();
    return ui.answer.focus();
  }
  state.handIn = { status: 'sending', at: 0 };
  render();
  try {
    // The portal shows it in its tray and announces it; the user's language is picked there.
    await d1.notify({
      title: allLanguages((m) => m.notified.title),
      body: allLanguages((m) => m.notified.body(group.title)),
      severity: 'success',
      groupId: group.id,
      link: { pluginId: d1.pluginId, path: `/tasks/${encodeURIComponent(group.id)}` },
    });
    state.handIn = { status: 'done', at: Date.now() };
  } catch (e) {
    console.error(e);
    state.handIn = { status: 'error', at: 0 };
  }
  render();
}
// #endregion hand-in

function render() {
  const m = MESSAGES[state.lang];
  const time = (at) =>
    new Intl.DateTimeFormat(`${state.lang}-FI`, { hour: 'numeric', minute: '2-digit' }).format(at);
  document.documentElement.lang = state.lang;
  document.title = state.group ? `${m.title}: ${state.group.title}` : m.title;
  ui.title.textContent = m.title;
  ui.group.textContent = state.group?.title ?? '';
  ui.group.hidden = !state.group;
  ui.noGroup.textContent = m.noGroup;
  ui.noGroup.hidden = !!state.group || !d1;
  ui.work.hidden = !state.group;
  ui.taskHeading.textContent = m.task;
  ui.taskText.textContent = m.taskText;
  ui.answerLabel.textContent = m.answer;
  ui.answerHint.textContent = m.answerHint;
  ui.draftStatus.textContent =
    state.draft.status === 'saved'
      ? m.draftSaved(time(state.draft.savedAt))
      : state.draft.status === 'error'
        ? m.draftFailed
        : '';

  const h = state.handIn;
  ui.handIn.textContent = h.status === 'sending' ? m.handingIn : m.handIn;
  ui.handIn.disabled = h.status === 'sending';
  ui.handInStatus.textContent =
    h.status === 'done'
      ? m.handedIn(time(h.at))
      : h.status === 'error'
        ? m.handInFailed
        : h.status === 'empty'
          ? m.emptyAnswer
          : '';
  ui.handInStatus.dataset.kind = h.status;
  ui.answer.setAttribute('aria-invalid', String(h.status === 'empty'));

  const p = state.pupils;
  ui.pupilsHeading.textContent = m.pupils;
  ui.pupilsStatus.textContent =
    p.status === 'loading'
      ? m.loadingPupils
      : p.status === 'error'
        ? m.pupilsFailed
        : p.status === 'ready'
          ? p.list.length
            ? m.pupilCount(p.list.length)
            : m.noPupils
          : '';
  ui.retry.textContent = m.retry;
  ui.retry.hidden = p.status !== 'error';
  const collator = new Intl.Collator(`${state.lang}-FI`);
  const names = p.list
    .map((u) => ({ given: u.preferredFirstName || u.givenName, family: u.familyName }))
    .sort((a, b) => collator.compare(a.family, b.family) || collator.compare(a.given, b.given));
  ui.pupils.replaceChildren(
    ...names.map((n) => {
      const li = document.createElement('li');
      li.textContent = `${n.family} ${n.given}`; // textContent: names are data, never markup
      return li;
    }),
  );
  ui.pupils.hidden = !names.length;
  if (ui.message.dataset.key) ui.message.textContent = m[ui.message.dataset.key];
}

function showMessage(key) {
  ui.message.dataset.key = key;
  ui.message.hidden = false;
  ui.work.hidden = true;
  render();
}

/** The portal's theme: an explicit light/dark/contrast choice wins over the system's. */
function applyTheme(theme) {
  const root = document.documentElement;
  if (theme?.contrast === 'more') root.dataset.theme = 'contrast';
  else if (theme?.colorScheme === 'light' || theme?.colorScheme === 'dark')
    root.dataset.theme = theme.colorScheme;
  else delete root.dataset.theme;
  root.style.fontSize = theme?.fontScale && theme.fontScale !== 1 ? `${theme.fontScale * 100}%` : '';
}

// Last, once everything above is defined: connect, then render whatever the host says.
// #region connect
try {
  // The devkit tells its plugins where its APIs are and which portals may embed them (`/api/config`
  // on the plugin origin: its own portal and each `--portal-origin`); a vendor's own deployment
  // lists its customers' portal origins in its config instead.
  api = await (await fetch('/api/config')).json();
  d1 = await connect({ hostOrigins: api.portalOrigins });
  applyContext(d1.context); // who, which group, language, theme: for display only
  d1.on('context', applyContext); // the user picked another group or language
} catch (e) {
  showMessage(e instanceof BridgeError && e.code === 'NOT_EMBEDDED' ? 'standalone' : 'connectFailed');
  if (!(e instanceof BridgeError)) console.error(e);
  // no welcome: most often a portal that is not listed; name it (Chromium and Safari know it)
  else if (e.code === 'TIMEOUT')
    console.warn(`${e.message}; embedded by ${location.ancestorOrigins?.[0] ?? 'another origin'}`);
}
// #endregion connect
