// <d1-class-picker> with 10,000 groups (the data of the picker's own scale test). run.mjs types
// real keys through CDP; this page times each one: script time from the input event (a capturing
// listener on window, the first to run) until the microtasks of that task have drained (the Lit
// update and the virtualizer's render run there), and frames to paint: a DOM change the key causes
// (MutationObserver; writes of an unchanged value do not count) made in the key's own task or in
// the callbacks of the next frame paints in that next frame (1); one made during the frame after
// that paints in frame 2, and so on. `first` is the frame that shows the new results, `settled`
// the frame after which the list no longer changes (the virtualizer re-positions measured rows).
import '@digione/ui/define/d1-class-picker.js';
import { drain, frames } from './common.js';

const N = Number(new URLSearchParams(location.search).get('n') ?? 10000);
const orgs = [
  { id: 'org-kuusi', type: 'school', name: { fi: 'Kuusikosken koulu', sv: 'Granforsens skola' }, schoolCode: '99901' },
  { id: 'org-aalto', type: 'school', name: { fi: 'Ålandsvägens skola' }, schoolCode: '99902' },
  { id: 'org-zeta', type: 'school', name: { fi: 'Zetan koulu' }, schoolCode: '99903' },
  { id: 'org-oulu', type: 'school', name: { fi: 'Östersundomin koulu' }, schoolCode: '99904' },
];
const sessions = [
  { id: 'ses-2025', title: 'Lukuvuosi 2025–2026', type: 'schoolYear', startDate: '2025-08-01', endDate: '2026-08-01', schoolYear: '2026' },
  { id: 'ses-2024', title: 'Lukuvuosi 2024–2025', type: 'schoolYear', startDate: '2024-08-01', endDate: '2025-08-01', schoolYear: '2025' },
];
const SUBJECTS = ['Matematiikka', 'Äidinkieli', 'Englanti', 'Ruotsi', 'Historia', 'Biologia', 'Fysiikka', 'Kemia', 'Musiikki', 'Liikunta'];
const LETTERS = 'ABCDEFGH';
const groups = Array.from({ length: N }, (_, i) => {
  const subject = SUBJECTS[i % SUBJECTS.length];
  const grade = 1 + (i % 9);
  const letter = LETTERS[Math.floor(i / 9) % LETTERS.length];
  const homeroom = i % 7 === 0;
  return {
    id: `g-${i}`,
    title: homeroom ? `${grade}${letter} ${i}` : `${subject} ${grade}${letter} ${i}`,
    kind: homeroom ? 'homeroom' : 'teachingGroup',
    code: `${subject.slice(0, 2).toUpperCase()}${grade}${letter}${i}`,
    subjects: homeroom ? [] : [subject],
    grades: [String(grade).padStart(2, '0')],
    schoolId: orgs[i % orgs.length].id,
    sessionIds: [i % 5 === 0 ? 'ses-2024' : 'ses-2025'],
    status: 'active',
    lastModified: '2025-08-01T00:00:00Z',
  };
});

sessionStorage.clear();
const picker = document.createElement('d1-class-picker');
picker.groups = groups;
picker.organizations = orgs;
picker.sessions = sessions;
document.body.append(picker);
await picker.updateComplete;
const input = picker.shadowRoot.querySelector('input');

// the frame of the last DOM change in the picker's shadow root (a write of the same value is none)
let lastMutationFrame = 0;
let firstMutationFrame = Infinity;
const changes = [];
new MutationObserver((records) => {
  for (const m of records) {
    if (m.type === 'attributes' && m.oldValue === m.target.getAttribute(m.attributeName)) continue;
    if (m.type === 'characterData' && m.oldValue === m.target.data) continue;
    lastMutationFrame = frames.n;
    firstMutationFrame = Math.min(firstMutationFrame, frames.n);
    if (window.traceMutations)
      changes.push(`${frames.n} ${m.type} ${m.attributeName ?? ''} ${m.target.nodeName}.${m.target.className ?? ''} ${m.type === 'attributes' ? `${m.oldValue} -> ${m.target.getAttribute(m.attributeName)}` : ''}`);
  }
}).observe(picker.shadowRoot, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeOldValue: true,
  characterData: true,
  characterDataOldValue: true,
});
window.changes = changes;
const nextFrames = (k) => new Promise((r) => {
  const step = (i) => (i ? requestAnimationFrame(() => step(i - 1)) : r());
  step(k);
});

let armed = null;
/** On the next `type` event: script time, time until `settle()` resolves, frames to paint. */
function arm(type, settle) {
  armed = new Promise((resolve) => {
    addEventListener(
      type,
      () => {
        const t0 = performance.now();
        const f0 = frames.n;
        firstMutationFrame = Infinity;
        drain().then(async () => {
          const script = performance.now() - t0;
          await settle();
          const ready = performance.now() - t0;
          // the key's work is done when the DOM stays still for 3 frames (at most 60 frames)
          let last;
          let waited = 0;
          do {
            last = lastMutationFrame;
            await nextFrames(3);
            waited += 3;
          } while (lastMutationFrame !== last && waited < 60);
          // a change made in the key's own task (frame f0) or in frame f0+1's callbacks paints in frame f0+1
          const first = firstMutationFrame === Infinity ? 1 : Math.max(1, firstMutationFrame - f0);
          const settled = firstMutationFrame === Infinity ? 1 : Math.max(1, last - f0);
          resolve({ script, ready, first, settled, query: input.value, count: picker.resultCount });
        });
      },
      { capture: true, once: true },
    );
  });
}

/** Open: the active option is rendered and referenced by aria-activedescendant. */
const activeRendered = () =>
  new Promise((r) => {
    const ok = () => {
      const id = input.getAttribute('aria-activedescendant');
      return id && picker.shadowRoot.getElementById(id);
    };
    if (ok()) return r();
    const mo = new MutationObserver(() => ok() && (mo.disconnect(), r()));
    mo.observe(picker.shadowRoot, { subtree: true, childList: true, attributes: true });
  });

window.bench = {
  focus() {
    input.focus();
    return document.activeElement === picker;
  },
  /** Arm for a keystroke ('input') or for opening ('keydown' of ArrowDown). */
  arm(type) {
    arm(type, type === 'keydown' ? activeRendered : () => Promise.resolve());
  },
  result: () => armed,
  isOpen: () => input.getAttribute('aria-expanded') === 'true',
  resultCount: () => picker.resultCount,
  renderedOptions: () => picker.shadowRoot.querySelectorAll('[role="option"]').length,
};
