// <d1-class-picker>: one story per state. Standalone (properties in, events out), deterministic data
// generated here, no network; loading, empty and error come from a `loader` that never settles,
// resolves empty or rejects. The theme and language come from the toolbar wrapper. Choosing a group
// is remembered for the browser tab (session storage) and listed first next time.
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { AcademicSession, Group, Organization } from '@digione/context';
import type { GroupLoader, PupilOption } from '@digione/ui';
import '@digione/ui/define/d1-class-picker.js';

interface Args {
  groups: Group[] | undefined;
  organizations: Organization[];
  sessions: AcademicSession[];
  value: string | null;
  loader: GroupLoader | undefined;
  pupils: PupilOption[] | undefined;
  labelHidden: boolean;
}

const organizations: Organization[] = [
  {
    id: 'org-makela',
    type: 'school',
    name: { fi: 'Mäkelän koulu', sv: 'Mäkelä skola', en: 'Mäkelä School' },
  },
  {
    id: 'org-kuusi',
    type: 'school',
    name: {
      fi: 'Kuusikosken yhtenäiskoulu',
      sv: 'Kuusikoski enhetsskola',
      en: 'Kuusikoski Comprehensive School',
    },
  },
  { id: 'org-alands', type: 'school', name: { fi: 'Ålandsvägens skola', sv: 'Ålandsvägens skola' } },
  {
    id: 'org-long',
    type: 'school',
    name: {
      fi: 'Pohjois-Kuusikosken ruotsinkielinen yhtenäisperuskoulu ja erityisopetuskeskus',
      sv: 'Norra Kuusikoski svenskspråkiga enhetsskola och specialundervisningscenter',
      en: 'North Kuusikoski Swedish-language Comprehensive School and Special Education Centre',
    },
  },
];

const sessions: AcademicSession[] = [
  {
    id: 's-2026',
    title: 'Lukuvuosi 2025–2026',
    type: 'schoolYear',
    startDate: '2025-08-01',
    endDate: '2026-08-01',
    schoolYear: '2026',
  },
  {
    id: 's-2025',
    title: 'Lukuvuosi 2024–2025',
    type: 'schoolYear',
    startDate: '2024-08-01',
    endDate: '2025-08-01',
    schoolYear: '2025',
  },
];

function g(id: string, title: string, extra: Partial<Group> = {}): Group {
  return {
    id,
    title,
    kind: 'teachingGroup',
    schoolId: 'org-makela',
    sessionIds: ['s-2026'],
    status: 'active',
    lastModified: '2025-08-01T00:00:00Z',
    ...extra,
  };
}

const teacherGroups: Group[] = [
  g('c-7b', '7B', { kind: 'homeroom', grades: ['07'] }),
  g('c-ma7b', 'Matematiikka 7B', { code: 'MA7B', subjects: ['Matematiikka'], grades: ['07'] }),
  g('c-ai8', 'Äidinkieli 8A', { code: 'AI8A', subjects: ['Äidinkieli ja kirjallisuus'], grades: ['08'] }),
  g('c-fr', 'Français débutants', { code: 'RAB3', subjects: ['Ranska'], grades: ['08', '09'] }),
  g('c-ma9', 'Matematiikka 9C', {
    code: 'MA9C',
    subjects: ['Matematiikka'],
    grades: ['09'],
    sessionIds: ['s-2025'],
  }),
  g('c-sv', 'Svenska 7', { code: 'RUB7', subjects: ['Ruotsi'], grades: ['07'], schoolId: 'org-alands' }),
  g('c-k5', '5C', { kind: 'homeroom', grades: ['05'], schoolId: 'org-kuusi' }),
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

/** `n` groups over three schools and two school years, the same every time. */
function many(n: number): Group[] {
  return Array.from({ length: n }, (_, i) => {
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const grade = 1 + (i % 9);
    const letter = 'ABCDEFGH'[Math.floor(i / 9) % 8]!;
    const homeroom = i % 7 === 0;
    return g(`m-${i}`, homeroom ? `${grade}${letter} (${i})` : `${subject} ${grade}${letter} (${i})`, {
      kind: homeroom ? 'homeroom' : 'teachingGroup',
      code: `${subject.slice(0, 2).toUpperCase()}${grade}${letter}${i}`,
      subjects: homeroom ? [] : [subject],
      grades: [String(grade).padStart(2, '0')],
      schoolId: organizations[i % 3]!.id,
      sessionIds: [i % 5 === 0 ? 's-2025' : 's-2026'],
    });
  });
}

const longWords: Group[] = [
  g('l-1', 'Ympäristö- ja luonnontieteiden soveltava syventävä valinnaiskurssi', {
    code: 'YMPLUONSOVSYV9',
    subjects: ['Ympäristöoppi', 'Luonnontieteet', 'Kestävän kehityksen kasvatus'],
    grades: ['09'],
    schoolId: 'org-long',
  }),
  g('l-2', 'Erityisopetuksen pienryhmä – joustava perusopetus', {
    kind: 'homeroom',
    grades: ['08', '09'],
    schoolId: 'org-long',
  }),
  ...teacherGroups,
];

const meta: Meta<Args> = {
  title: 'Elements/Class picker',
  component: 'd1-class-picker',
  args: {
    groups: teacherGroups,
    organizations,
    sessions,
    value: null,
    loader: undefined,
    pupils: undefined,
    labelHidden: false,
  },
  render: (args) =>
    html`<d1-class-picker
      .groups=${args.groups}
      .organizations=${args.organizations}
      .sessions=${args.sessions}
      .value=${args.value}
      .loader=${args.loader}
      .pupils=${args.pupils}
      ?label-hidden=${args.labelHidden}
    ></d1-class-picker>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A teacher's groups at three schools, nothing chosen yet. Open it with ArrowDown or a click. */
export const TeacherGroups: Story = {};

/** A group is chosen: its title is in the field, and it is marked current in the list. */
export const GroupChosen: Story = { args: { value: 'c-ma7b' } };

/** Groups fed without schools or sessions: one plain list, no headings. */
export const PlainList: Story = { args: { organizations: [], sessions: [] } };

/** 10,000 groups: only a window of options is in the DOM; type to filter. */
export const ManyGroups: Story = { args: { groups: many(10000) } };

/** Loading page 2 of 4 of the roster (the loader reports progress and never finishes here). */
export const Loading: Story = {
  args: {
    groups: undefined,
    loader: ({ onProgress }) => {
      onProgress({ loaded: 300, total: 1200 });
      return new Promise(() => {});
    },
  },
};

/** The roster has no groups for this user: said so, with a way on. */
export const Empty: Story = {
  args: { groups: undefined, loader: async () => ({ groups: [], organizations: [], sessions: [] }) },
};

/** The roster could not be reached: said so, with Try again. */
export const LoadError: Story = {
  args: {
    groups: undefined,
    loader: async () => {
      throw new Error('Story: the roster is unreachable');
    },
  },
};

/** A guardian with two children: the child switcher comes first, then that child's groups. */
export const Guardian: Story = {
  args: {
    groups: undefined,
    pupils: [
      { id: 'k-1', displayName: 'Aino Virtanen' },
      { id: 'k-2', displayName: 'Eetu Virtanen' },
    ],
    loader: async ({ childId }) => ({
      groups:
        childId === 'k-2'
          ? [g('k2-5c', '5C', { kind: 'homeroom', grades: ['05'], schoolId: 'org-kuusi' })]
          : [
              g('k1-2a', '2A', { kind: 'homeroom', grades: ['02'] }),
              g('k1-mu', 'Musiikki 2', { subjects: ['Musiikki'], grades: ['02'] }),
            ],
      organizations,
      sessions,
    }),
  },
};

/** Long Finnish titles, subjects and school names wrap instead of overflowing. */
export const LongFinnishWords: Story = { args: { groups: longWords, value: 'l-1' } };

/** A phone: the list fits the screen; long words wrap. */
export const NarrowScreen: Story = {
  args: { groups: longWords },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

/** In a tight header: the label is hidden visually and stays the field's accessible name. */
export const LabelHidden: Story = { args: { labelHidden: true, value: 'c-7b' } };
