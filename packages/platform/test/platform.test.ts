import { expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import {
  createPlatformStore,
  localeFor,
  servicesContext,
  storeContext,
  type PlatformServices,
  type RosterService,
} from '@digione/context';
import { D1Platform, type AuthChangeDetail } from '@digione/platform';
import '@digione/platform/define/d1-platform.js';
import { waitFor } from '../../../test/helpers/wait.js';

// A plain consumer, as the widgets are: it asks for the store and services when it connects.
class ProbeElement extends HTMLElement {
  store = new ContextConsumer(this as never, { context: storeContext, subscribe: true });
  services = new ContextConsumer(this as never, { context: servicesContext, subscribe: true });
  addController() {}
  requestUpdate() {}
  connectedCallback() {
    this.store.hostConnected();
    this.services.hostConnected();
  }
  disconnectedCallback() {
    this.store.hostDisconnected();
    this.services.hostDisconnected();
  }
}
customElements.define('test-probe', ProbeElement);

const ISSUER = 'http://127.0.0.1:9/oidc';

describe('<d1-platform>', () => {
  it('is defined and provides a store and the services to elements inside (light DOM)', async () => {
    const el = await fixture<D1Platform>(html`
      <d1-platform issuer=${ISSUER} client-id="digione-portal" api="http://127.0.0.1:9">
        <div><test-probe></test-probe></div>
      </d1-platform>
    `);
    expect(el).to.be.instanceOf(D1Platform);
    const probe = el.querySelector('test-probe') as ProbeElement;
    expect(probe.store.value).to.equal(el.store);
    const s = probe.services.value!;
    expect(Object.keys(s).sort()).to.deep.equal(['auth', 'notifications', 'pluginSessions', 'roster']);
    // nothing stored for this issuer: signed out once the session has started
    await waitFor(() => el.store!.get().auth.status === 'signed-out', 'signed out');
    expect(getComputedStyle(el).display).to.equal('contents');
  });

  it('two elements with the same configuration share one store and one session', async () => {
    const root = await fixture<HTMLDivElement>(html`
      <div>
        <d1-platform issuer=${ISSUER} client-id="digione-portal" api="http://127.0.0.1:9"
          ><test-probe></test-probe
        ></d1-platform>
        <d1-platform issuer=${ISSUER} client-id="digione-portal" api="http://127.0.0.1:9"
          ><test-probe></test-probe
        ></d1-platform>
        <d1-platform issuer=${ISSUER} client-id="another-client"><test-probe></test-probe></d1-platform>
      </div>
    `);
    const [a, b, c] = [...root.querySelectorAll('d1-platform')];
    expect(a!.store).to.equal(b!.store);
    expect(a!.services.auth).to.equal(b!.services.auth);
    expect(c!.store).to.not.equal(a!.store);
    a!.store!.update({ activeChildId: 'kid-1' });
    const probes = [...root.querySelectorAll('test-probe')] as ProbeElement[];
    expect(probes[1]!.store.value!.get().activeChildId).to.equal('kid-1');
    // removing one keeps the other's session alive
    const shared = b!.services.auth;
    a!.remove();
    await Promise.resolve();
    await Promise.resolve();
    expect(b!.services.auth).to.equal(shared);
  });

  it('`services` replaces single services; `store` shares an existing store', async () => {
    const el = await fixture<D1Platform>(html`
      <d1-platform issuer=${ISSUER} client-id="digione-portal" api="http://127.0.0.1:9"
        ><test-probe></test-probe
      ></d1-platform>
    `);
    const probe = el.querySelector('test-probe') as ProbeElement;
    const builtIn = probe.services.value!.notifications;
    const roster: RosterService = {
      groupsForUser: async () => ({ groups: [], organizations: [], sessions: [] }),
    };
    el.services = { roster };
    expect(probe.services.value!.roster).to.equal(roster);
    expect(probe.services.value!.notifications).to.equal(builtIn);

    const mine = createPlatformStore();
    el.store = mine;
    expect(probe.store.value).to.equal(mine);
    // the session writes into a shared store too
    await waitFor(() => mine.get().auth.status === 'signed-out', 'the session in my store');
  });

  it('a portal auth service replaces OIDC: no OIDC session, API services use it', async () => {
    const el = document.createElement('d1-platform');
    el.setAttribute('api', 'http://127.0.0.1:9');
    let asked = 0;
    const auth: NonNullable<PlatformServices['auth']> = {
      signIn: async () => {},
      signOut: async () => {},
      getAccessToken: async () => {
        asked++;
        return null;
      },
    };
    el.services = { auth };
    document.body.append(el);
    try {
      expect(el.services.auth).to.equal(auth);
      expect(el.services.roster).to.not.equal(undefined);
      await el.services.pluginSessions!.storageGet('x', 'y').catch(() => undefined);
      expect(asked).to.equal(1);
      expect(el.store!.get().auth.status).to.equal('unknown');
    } finally {
      el.remove();
    }
  });

  it('without issuer: a standalone signed-out store; lang keeps the store locale in sync', async () => {
    const el = await fixture<D1Platform>(
      html`<d1-platform lang="sv"><test-probe></test-probe></d1-platform>`,
    );
    expect(el.services).to.deep.equal({});
    expect(el.store!.get().locale.ui).to.equal('sv-FI');
    el.setAttribute('lang', 'en');
    expect(el.store!.get().locale.ui).to.equal('en');
    expect((el.querySelector('test-probe') as ProbeElement).store.value).to.equal(el.store);
  });

  it("the user's language choice is kept on this device and wins over the page lang and the sign-in claim", async () => {
    localStorage.removeItem('d1.locale');
    try {
      // what the login bar does: a cancelable d1-locale-change, then the store update
      const choose = (from: Element, locale: string, cancel = false) => {
        if (cancel)
          from.parentElement!.addEventListener('d1-locale-change', (e) => e.preventDefault(), { once: true });
        from.dispatchEvent(
          new CustomEvent('d1-locale-change', {
            detail: { locale },
            bubbles: true,
            composed: true,
            cancelable: true,
          }),
        );
      };
      const first = await fixture<D1Platform>(html`<d1-platform><test-probe></test-probe></d1-platform>`);
      const probe = first.querySelector('test-probe')!;
      const startUi = first.store!.get().locale.ui;
      choose(probe, 'sv', true);
      await Promise.resolve();
      expect(localStorage.getItem('d1.locale'), 'a cancelled choice is not kept').to.equal(null);
      choose(probe, 'sv');
      await waitFor(() => localStorage.getItem('d1.locale') === 'sv', 'the choice kept');
      expect(first.store!.get().locale.ui, 'the event alone changes nothing').to.equal(startUi);
      // "a reload": a new platform on a page that says fi
      const next = await fixture<D1Platform>(
        html`<d1-platform lang="fi"><test-probe></test-probe></d1-platform>`,
      );
      expect(next.store!.get().locale.ui).to.equal('sv-FI');
      // the sign-in brings a locale claim (fi): the choice made here stays
      next.store!.update({ auth: { status: 'signed-in' }, locale: localeFor('fi') });
      expect(next.store!.get().locale.ui).to.equal('sv-FI');
      // the page may still change it later, on purpose
      next.setAttribute('lang', 'en');
      expect(next.store!.get().locale.ui).to.equal('en');
    } finally {
      localStorage.removeItem('d1.locale');
    }
  });

  it('fires d1-auth-change when the sign-in status changes', async () => {
    const el = await fixture<D1Platform>(html`<d1-platform><test-probe></test-probe></d1-platform>`);
    const seen: AuthChangeDetail[] = [];
    el.parentElement!.addEventListener('d1-auth-change', (e) => seen.push(e.detail));
    el.store!.update({ auth: { status: 'error', error: { code: 'rejected' } } });
    expect(seen).to.deep.equal([{ status: 'error', error: { code: 'rejected' }, user: null }]);
  });
});
