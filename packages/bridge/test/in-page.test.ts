import { expect } from '@open-wc/testing';
import type { BridgeError } from '@digione/bridge';
import { createInPageChannel, type PluginContext } from '@digione/bridge';
import { waitFor } from '../../../test/helpers/wait.js';

const CONTEXT = { sub: null, role: null, roles: [], group: null, locale: 'en' } as unknown as PluginContext;

describe('in-page channel (module plugins)', () => {
  it('gives a module plugin the same PluginClient as an iframe plugin', async () => {
    const seen: unknown[] = [];
    const { host, client } = createInPageChannel({
      pluginId: 'fi.example.module',
      handlers: {
        'context.get': () => CONTEXT,
        'ui.announce': (p, ctx) => (seen.push([p, ctx.origin, ctx.pluginId]), null),
        'storage.get': ({ key }) => (key === 'a' ? { b: 1 } : null),
        'auth.getToken': () => ({ token: 't', expiresAt: 0 }),
      },
    });
    const c = await client;
    expect(c.pluginId).to.equal('fi.example.module');
    expect(c.version).to.equal('1.0');
    expect(c.context).to.deep.equal(CONTEXT);
    await c.announce('hei', { politeness: 'assertive' });
    expect(seen).to.deep.equal([[{ text: 'hei', politeness: 'assertive' }, 'in-page', 'fi.example.module']]);
    expect(await c.storage.get('a')).to.deep.equal({ b: 1 });
    expect(await c.getToken()).to.equal('t');
    const err = await c.navigate({ path: '/x' }).catch((e: BridgeError) => e);
    expect((err as BridgeError).code).to.equal('UNSUPPORTED');
    expect(host.state).to.equal('connected');
  });

  it('delivers events, unsubscribes, and closes from either side', async () => {
    const reasons: string[] = [];
    const { host, client } = createInPageChannel({
      pluginId: 'p',
      handlers: { 'context.get': () => CONTEXT },
      onDisconnect: (i) => reasons.push(i.reason),
    });
    const c = await client;
    const got: unknown[] = [];
    const off = c.on('visibility', (v) => got.push(v));
    host.emit('visibility.changed', { visible: false });
    await waitFor(() => got.length === 1);
    expect(c.visible).to.equal(false);
    off();
    host.emit('visibility.changed', { visible: true });
    await waitFor(() => c.visible);
    expect(got).to.deep.equal([false]);
    c.disconnect();
    await waitFor(() => host.state === 'waiting');
    expect(reasons).to.deep.equal(['bye']);
    const err = await c.getToken().catch((e: BridgeError) => e);
    expect((err as BridgeError).code).to.equal('DISCONNECTED');
  });

  it('a throwing listener does not starve the others', async () => {
    const { host, client } = createInPageChannel({
      pluginId: 'p',
      handlers: { 'context.get': () => CONTEXT },
    });
    const c = await client;
    const reported: unknown[] = [];
    // The vendor's error is reported (reportError), not swallowed: catch it here instead of mocha.
    const mochaOnError = window.onerror;
    window.onerror = (_m, _s, _l, _c, err) => (reported.push(err), true);
    const next = { ...CONTEXT, locale: 'sv' } as PluginContext;
    let second: PluginContext | null = null;
    c.on('context', () => {
      throw new Error('vendor bug');
    });
    c.on('context', (ctx) => (second = ctx));
    host.emit('context.changed', next);
    await waitFor(() => second);
    window.onerror = mochaOnError;
    expect(second).to.deep.equal(next);
    expect(c.context).to.deep.equal(next);
    expect(reported.length).to.equal(1);
    host.close();
  });

  it('rejects the client when the host cannot give a context', async () => {
    const { client } = createInPageChannel({ pluginId: 'p', handlers: {} });
    const err = await client.catch((e: BridgeError) => e);
    expect((err as BridgeError).code).to.equal('UNSUPPORTED');
  });
});
