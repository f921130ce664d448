import { expect } from '@open-wc/testing';
import {
  BridgeError,
  LIMITS,
  negotiate,
  validateParams,
  type PluginContext,
  type PluginPermission,
} from '@digione/bridge';
import type { Permission, PluginContext as StoreContext } from '@digione/context';

// The wire type and @digione/context's PluginContext must stay the same shape: this fails to
// type-check (npm run typecheck) the moment either drifts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<PluginContext, StoreContext> = true;
const samePermission: Same<PluginPermission, Permission> = true;

const invalid = (method: string, params: unknown) => {
  try {
    validateParams(method, params);
  } catch (e) {
    expect(e).to.be.instanceOf(BridgeError);
    return `${(e as BridgeError).code}: ${(e as Error).message}`;
  }
  throw new Error(`${method} accepted ${JSON.stringify(params)}`);
};

describe('version negotiation', () => {
  it('picks the highest common major and the lower minor', () => {
    expect(same).to.equal(true);
    expect(samePermission).to.equal(true);
    expect(negotiate(['1.0'], ['1.0'])).to.equal('1.0');
    expect(negotiate(['1.0'], ['1.9'])).to.equal('1.0');
    expect(negotiate(['1.3'], ['1.1'])).to.equal('1.1');
    expect(negotiate(['1.0', '2.2'], ['2.5', '1.4', '3.0'])).to.equal('2.2');
    expect(negotiate(['1.0'], ['2.0'])).to.equal(null);
    expect(negotiate(['1.0'], ['x', 1, null, '1', '1.0.0'])).to.equal(null);
    expect(negotiate(['1.0'], [])).to.equal(null);
  });
});

describe('param validation', () => {
  it('cleans valid params and drops unknown keys', () => {
    expect(validateParams('notifications.post', { title: 'T', extra: 1, severity: 'error' })).to.deep.equal({
      title: 'T',
      severity: 'error',
    });
    expect(validateParams('notifications.post', { title: { fi: 'a', xx: 'b' } })).to.deep.equal({
      title: { fi: 'a' },
    });
    expect(
      validateParams('notifications.post', { title: 'T', link: { href: 'https://x.fi/a' } }),
    ).to.deep.equal({
      title: 'T',
      link: { href: 'https://x.fi/a' },
    });
    expect(validateParams('ui.focusHost', undefined)).to.deep.equal({});
    expect(validateParams('context.get', null)).to.equal(undefined);
    expect(validateParams('storage.set', { key: 'k', value: null })).to.deep.equal({ key: 'k', value: null });
    expect(validateParams('ui.resize', { height: 10.2 })).to.deep.equal({ height: 11 });
  });

  it('names what is wrong', () => {
    expect(invalid('notifications.post', { title: '' })).to.equal(
      `INVALID_PARAMS: params.title must be a non-empty string of at most ${LIMITS.title} characters`,
    );
    expect(invalid('notifications.post', { title: {} })).to.contain(
      'params.title must be a string or an object',
    );
    // a missing or mistyped text says both forms that are accepted, not only "an object"
    for (const title of [undefined, 5, ['a']])
      expect(invalid('notifications.post', { title, body: 'x' })).to.equal(
        'INVALID_PARAMS: params.title must be a string or an object with one of fi, sv, en, se, smn, sms',
      );
    expect(invalid('notifications.post', { title: 'x', body: 7 })).to.contain(
      'params.body must be a string or',
    );
    expect(invalid('notifications.post', { title: 'x', severity: 'fatal' })).to.contain('params.severity');
    expect(invalid('notifications.post', { title: 'x', link: { href: 'data:text/html,x' } })).to.contain(
      'params.link.href',
    );
    expect(invalid('notifications.post', { title: 'x', link: { path: '//evil.example' } })).to.contain(
      'params.link.path',
    );
    // a URL parser drops tabs and newlines: these are //evil.example too
    for (const path of ['/\t/evil.example', '/\n/evil.example', '/ok\u007f'])
      expect(invalid('notifications.post', { title: 'x', link: { path } }), JSON.stringify(path)).to.contain(
        'params.link.path',
      );
    expect(invalid('notifications.post', { title: 'x', containsPersonalData: 'no' })).to.contain(
      'containsPersonalData',
    );
    expect(invalid('ui.announce', { text: 'x'.repeat(LIMITS.announce + 1) })).to.contain('params.text');
    expect(invalid('ui.resize', { height: Infinity })).to.contain('params.height');
    expect(invalid('ui.focusHost', { direction: 'up' })).to.contain('params.direction');
    expect(invalid('navigation.open', {})).to.contain('pluginId or path');
    expect(invalid('storage.get', { key: 5 })).to.contain('params.key');
    expect(invalid('storage.set', { key: 'k' })).to.contain('params.value');
    expect(invalid('storage.set', { key: 'k', value: { d: new Date() } })).to.contain('params.value.d');
    expect(invalid('storage.set', { key: 'k', value: [1, NaN] })).to.contain('params.value[1]');
    expect(invalid('nope', {})).to.equal('UNSUPPORTED: unknown method nope');
    expect(invalid('hasOwnProperty', {})).to.contain('UNSUPPORTED');
  });
});
