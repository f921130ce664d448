/** Test data and a tiny `<d1-platform>` stand-in that provides a real ContextStore through @lit/context. */
import { ContextProvider } from '@lit/context';
import {
  createPlatformStore,
  servicesContext,
  storeContext,
  type AuthService,
  type ContextStore,
  type Organization,
  type PlatformContext,
  type PlatformServices,
  type User,
} from '@digione/context';

export const organizations: Record<string, Organization> = {
  'org-makela': {
    id: 'org-makela',
    type: 'school',
    name: { fi: 'Mäkelän koulu', sv: 'Mäkelä skola', en: 'Mäkelä School' },
    schoolCode: '01234',
  },
  'org-kuusi': {
    id: 'org-kuusi',
    type: 'school',
    name: {
      fi: 'Kuusikosken yhtenäiskoulu',
      sv: 'Kuusikoski enhetsskola',
      en: 'Kuusikoski Comprehensive School',
    },
    schoolCode: '05678',
  },
};

/** A pupil with one role; goes by a preferred first name. */
export const pupil: User = {
  id: 'u-pupil',
  givenName: 'Eeli Juhani',
  familyName: 'Korhonen',
  preferredFirstName: 'Eetu',
  displayName: 'Eeli Juhani Korhonen',
  roles: [{ role: 'student', roleType: 'primary', orgId: 'org-makela', groupLabel: '7B' }],
  enabled: true,
  restricted: { nonDisclosure: true },
};

/** A teacher at two schools (teacher at one, principal at the other). */
export const teacher: User = {
  id: 'u-teacher',
  givenName: 'Aino',
  familyName: 'Virtanen',
  displayName: 'Aino Virtanen',
  roles: [
    { role: 'teacher', roleType: 'primary', orgId: 'org-makela' },
    { role: 'principal', roleType: 'secondary', orgId: 'org-kuusi' },
  ],
  enabled: true,
};

/** Records what the bar asked of the AuthService. */
export class FakeAuth implements AuthService {
  calls: string[] = [];
  async signIn(): Promise<void> {
    this.calls.push('signIn');
  }
  async signOut(): Promise<void> {
    this.calls.push('signOut');
  }
  async getAccessToken(): Promise<string | null> {
    return null;
  }
}

/** `<test-platform>`: provides `store` and `services` to its light DOM, like `<d1-platform>` does. */
export class TestPlatform extends HTMLElement {
  readonly store: ContextStore<PlatformContext> = createPlatformStore();
  readonly auth = new FakeAuth();
  readonly services: PlatformServices = { auth: this.auth };
  constructor() {
    super();
    new ContextProvider(this, { context: storeContext, initialValue: this.store });
    new ContextProvider(this, { context: servicesContext, initialValue: this.services });
  }
}
if (!customElements.get('test-platform')) customElements.define('test-platform', TestPlatform);

declare global {
  interface HTMLElementTagNameMap {
    'test-platform': TestPlatform;
  }
}

/** A signed-in context for the store. */
export function signedIn(user: User, extra: Partial<PlatformContext> = {}): Partial<PlatformContext> {
  return { auth: { status: 'signed-in' }, user, activeRole: null, organizations, ...extra };
}
