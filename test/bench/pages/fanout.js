// Portal page of the fan-out and memory rows: N <d1-plugin-host> elements under one context
// store (provided as a portal would, through storeContext), each running plugin-sdk.html in a
// cross-site frame. bench.change(k) sets the active group and resolves when every plugin has
// reported the new group (the report is one postMessage back, the same for each).
// the define module itself: all.js is not listed in sideEffects, so a bundler drops a bare import of it
import '@digione/plugin-host/define/d1-plugin-host.js';
import { createPlatformStore, storeContext } from '@digione/context';
import { ContextProvider } from '@lit/context';
import { frames, pluginUrl, PLUGIN } from './common.js';

const N = Number(new URLSearchParams(location.search).get('n') ?? 20);
const org = { id: 'org-1', type: 'school', name: { fi: 'Kuusikosken koulu' }, schoolCode: '99901' };
const user = {
  id: 'u-1',
  givenName: 'Aino',
  familyName: 'Opettaja',
  displayName: 'Aino Opettaja',
  roles: [{ role: 'teacher', roleType: 'primary', orgId: org.id }],
  enabled: true,
};
const group = (k) => ({
  id: `g-${k}`,
  title: `Matematiikka ${k}`,
  kind: 'teachingGroup',
  schoolId: org.id,
  sessionIds: ['s-1'],
  status: 'active',
  lastModified: '2025-08-01T00:00:00Z',
});
const store = createPlatformStore({
  auth: { status: 'signed-in' },
  user,
  activeRole: user.roles[0],
  organizations: { [org.id]: org },
  activeGroup: group(0),
});

const root = document.createElement('main');
new ContextProvider(root, { context: storeContext, initialValue: store });
document.body.append(root);

// plugin reports: the group each plugin last saw
const seen = new Map();
let want = null;
let done = null;
addEventListener('message', (e) => {
  if (e.origin !== PLUGIN || !e.data?.bench || !('group' in e.data)) return;
  seen.set(e.data.i, e.data.group);
  if (want && seen.size === N && [...seen.values()].every((g) => g === want)) {
    want = null;
    done(performance.now());
  }
});
const allSee = (id) =>
  new Promise((resolve) => {
    want = id;
    done = resolve;
    if (seen.size === N && [...seen.values()].every((g) => g === id)) {
      want = null;
      resolve(performance.now());
    }
  });

window.bench = {
  /** Mount N plugin hosts; resolves when every plugin holds its context. */
  async mount() {
    const t0 = performance.now();
    const ready = allSee('g-0');
    for (let i = 0; i < N; i++) {
      const host = document.createElement('d1-plugin-host');
      const id = `fi.bench.plugin-${i}`;
      host.pluginId = id;
      host.manifest = {
        id,
        name: { fi: `Bench ${i}` },
        version: '1.0.0',
        vendor: 'Bench',
        kind: 'iframe',
        entry: pluginUrl('plugin-sdk', { i: String(i) }),
      };
      root.append(host);
    }
    const t1 = await ready;
    const states = [...root.querySelectorAll('d1-plugin-host')].map((h) => h.state);
    return { ms: t1 - t0, states, crossOriginIsolated: self.crossOriginIsolated };
  },
  /** One group change -> every plugin has it; ms, and frames the page produced meanwhile. */
  async change(k) {
    const g = group(k);
    const f0 = frames.n;
    const t0 = performance.now();
    const seenAll = allSee(g.id);
    store.update({ activeGroup: g });
    const t1 = await seenAll;
    return { ms: t1 - t0, frames: frames.n - f0 };
  },
};
