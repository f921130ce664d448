// <d1-login-bar>: one story per state. Standalone (properties in, events out), deterministic data,
// no network; the theme and language come from the toolbar wrapper. Choosing a role updates the
// bar itself; choosing a language only fires `d1-locale-change` (the page decides: use the toolbar).
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { AuthError, AuthStatus, Organization, RoleAssignment, User } from '@digione/context';
import '@digione/ui/define/d1-login-bar.js';

interface Args {
  user: User | null;
  activeRole: RoleAssignment | null;
  organizations: Record<string, Organization>;
  status: AuthStatus | undefined;
  error: AuthError | null;
}

const organizations: Record<string, Organization> = {
  'org-makela': {
    id: 'org-makela',
    type: 'school',
    name: { fi: 'Mäkelän koulu', sv: 'Mäkelä skola', en: 'Mäkelä School' },
  },
  'org-kuusi': {
    id: 'org-kuusi',
    type: 'school',
    name: {
      fi: 'Kuusikosken yhtenäiskoulu',
      sv: 'Kuusikoski enhetsskola',
      en: 'Kuusikoski Comprehensive School',
    },
  },
  'org-long': {
    id: 'org-long',
    type: 'school',
    name: {
      fi: 'Pohjois-Kuusikosken ruotsinkielinen yhtenäisperuskoulu ja erityisopetuskeskus',
      sv: 'Norra Kuusikoski svenskspråkiga enhetsskola och specialundervisningscenter',
      en: 'North Kuusikoski Swedish-language Comprehensive School and Special Education Centre',
    },
  },
};

const pupil: User = {
  id: 'u-pupil',
  givenName: 'Eeli Juhani',
  familyName: 'Korhonen',
  preferredFirstName: 'Eetu',
  displayName: 'Eeli Juhani Korhonen',
  roles: [{ role: 'student', roleType: 'primary', orgId: 'org-makela', groupLabel: '7B' }],
  enabled: true,
};

const teacher: User = {
  id: 'u-teacher',
  givenName: 'Aino',
  familyName: 'Virtanen',
  displayName: 'Aino Virtanen',
  roles: [
    { role: 'teacher', roleType: 'primary', orgId: 'org-makela' },
    { role: 'principal', roleType: 'secondary', orgId: 'org-kuusi' },
    { role: 'substituteTeacher', roleType: 'secondary', orgId: 'org-long' },
  ],
  enabled: true,
};

const longNames: User = {
  id: 'u-long',
  givenName: 'Aleksanteri-Maximilian',
  familyName: 'Hämäläinen-Kärkkäinen',
  displayName: 'Aleksanteri-Maximilian Hämäläinen-Kärkkäinen',
  roles: [
    { role: 'aide', roleType: 'primary', orgId: 'org-long' },
    { role: 'districtAdministrator', roleType: 'secondary', orgId: 'org-kuusi' },
  ],
  enabled: true,
};

const meta: Meta<Args> = {
  title: 'Elements/Login bar',
  component: 'd1-login-bar',
  args: { user: null, activeRole: null, organizations, status: undefined, error: null },
  render: (args) =>
    html`<d1-login-bar
      .user=${args.user}
      .activeRole=${args.activeRole}
      .organizations=${args.organizations}
      .status=${args.status}
      .error=${args.error}
    ></d1-login-bar>`,
};
export default meta;

type Story = StoryObj<Args>;

export const SignedOut: Story = {};

export const CheckingSession: Story = { args: { status: 'unknown' } };

export const SigningIn: Story = { args: { status: 'signing-in' } };

export const PupilOneRole: Story = { args: { user: pupil } };

export const TeacherSeveralSchools: Story = { args: { user: teacher } };

export const TeacherActingAsPrincipal: Story = { args: { user: teacher, activeRole: teacher.roles[1]! } };

export const LongFinnishWords: Story = { args: { user: longNames } };

/** On a phone the bar is the avatar alone; name, role and school stay in the button's name and top the menu. */
export const NarrowScreen: Story = {
  args: { user: teacher },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

export const ErrorRejected: Story = { args: { error: { code: 'rejected' } } };

export const ErrorExpired: Story = { args: { error: { code: 'expired' } } };

export const ErrorMissingRole: Story = { args: { error: { code: 'missing-role' } } };

export const ErrorMissingLearnerNumber: Story = { args: { error: { code: 'missing-learner-number' } } };

export const ErrorNetwork: Story = { args: { error: { code: 'network' } } };

export const ErrorUnknown: Story = { args: { error: { code: 'unknown' } } };
