// <d1-class-picker> with 10,000 groups (the data of the picker's own scale test). run.mjs types
// real keys through CDP; this page times each one with interactions() (common.js): script time
// (input event -> its task's microtasks drained), and frames until the results show and until
// the list stays still.
import '@digione/ui/define/d1-class-picker.js';
import { interactions } from './common.js';

const N = Number(new URLSearchParams(location.search).get('n') ?? 10000);
const orgs = [
  {
    id: 'org-kuusi',
    type: 'school',
    name: { fi: 'Kuusikosken koulu', sv: 'Granforsens skola' },
    schoolCode: '99901',
  },
  { id: 'org-aalto', type: 'school', name: { fi: 'Ålandsvägens skola' }, schoolCode: '99902' },
  { id: 'org-zeta', type: 'school', name: { fi: 'Zetan koulu' }, schoolCode: '99903' },
  { id: 'org-oulu', type: 'school', name: { fi: 'Östersundomin koulu' }, schoolCode: '99904' },
];
const sessions = [
  {
    id: 'ses-2025',
    title: 'Lukuvuosi 2025–2026',
    type: 'schoolYear',
    startDate: '2025-08-01',
    endDate: '2026-08-01',
    schoolYear: '2026',
  },
  {
    id: 'ses-2024',
    title: 'Lukuvuosi 2024–2025',
    type: 'schoolYear',
    startDate: '2024-08-01',
    endDate: '2025-08-01',
    schoolYear: '2025',
  },
];
const SUBJECTS = [
  'Matematiikka',
  'Äidinkieli',
  'Englanti',
  'Ruotsi',
  'Historia',
  'Biologia',
  'Fysiikka',
  'Kemia',
  'Musiikki',
  'Liikunta',
];
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

const arm = interactions(picker.shadowRoot);
let armed = null;

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
    armed = arm(type, type === 'keydown' ? activeRendered : undefined).then((r) => ({
      ...r,
      query: input.value,
      count: picker.resultCount,
    }));
  },
  result: () => armed,
  isOpen: () => input.getAttribute('aria-expanded') === 'true',
  resultCount: () => picker.resultCount,
  renderedOptions: () => picker.shadowRoot.querySelectorAll('[role="option"]').length,
};
