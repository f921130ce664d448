/**
 * An LTI-style tool in a cross-origin frame, unchanged: it stores data and resizes its frame
 * with 1EdTech client-side postMessages and Canvas's frameResize.
 */
import { expect } from '@open-wc/testing';
import { createLtiListener, type LtiListener, type LtiListenerOptions } from '@digione/bridge';
import { LTI_URL, PLUGIN_ORIGIN, PluginFrame } from './fixtures/bridge/harness.js';
import { waitFor } from '../helpers/wait.js';

let tool: PluginFrame;
let lti: LtiListener;
let store: Map<string, string>;
let heights: number[];
afterEach(() => {
  lti?.close();
  tool?.remove();
});

async function start(opts: Partial<LtiListenerOptions> = {}) {
  store = new Map();
  heights = [];
  tool = new PluginFrame({}, LTI_URL);
  lti = createLtiListener({
    frame: tool.frame,
    origin: PLUGIN_ORIGIN,
    storage: { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) },
    onResize: (h) => {
      heights.push(h);
      tool.frame.style.height = `${h}px`;
    },
    maxHeight: 2000,
    ...opts,
  });
  tool.mount();
  await waitFor(() => tool.reports.find((r) => r.loaded), 'tool loaded');
}
const responses = () =>
  tool.reports.filter((r) => 'response' in r).map((r) => r.response as Record<string, unknown>);
async function ask(message: unknown, json = false) {
  await tool.ok({ cmd: 'lti', message, json });
  const id = (message as { message_id?: string }).message_id;
  return waitFor(() => responses().find((r) => r.message_id === id), `response to ${id}`);
}

describe('LTI client-side postMessages', () => {
  it('lists its capabilities', async () => {
    await start();
    const r = await ask({ subject: 'lti.capabilities', message_id: 'c1' });
    expect(r).to.deep.equal({
      subject: 'lti.capabilities.response',
      message_id: 'c1',
      supported_messages: [
        { subject: 'lti.capabilities' },
        { subject: 'lti.put_data' },
        { subject: 'lti.get_data' },
        { subject: 'lti.frameResize' },
      ],
    });
  });

  it('stores and reads data through the host storage', async () => {
    await start();
    const put = await ask({ subject: 'lti.put_data', message_id: 'p1', key: 'state_abc', value: 'nonce-1' });
    expect(put).to.deep.equal({
      subject: 'lti.put_data.response',
      message_id: 'p1',
      key: 'state_abc',
      value: 'nonce-1',
    });
    expect(store.get('state_abc')).to.equal('nonce-1');
    const get = await ask({ subject: 'lti.get_data', message_id: 'g1', key: 'state_abc' });
    expect(get).to.deep.equal({
      subject: 'lti.get_data.response',
      message_id: 'g1',
      key: 'state_abc',
      value: 'nonce-1',
    });
    const missing = await ask({ subject: 'lti.get_data', message_id: 'g2', key: 'nothing' });
    expect(missing).to.deep.equal({ subject: 'lti.get_data.response', message_id: 'g2', key: 'nothing' });
  });

  it('speaks the org.imsglobal. spelling and JSON-string messages too', async () => {
    await start();
    const put = await ask(
      { subject: 'org.imsglobal.lti.put_data', message_id: 'p2', key: 'k', value: 'v' },
      true,
    );
    expect(put.subject).to.equal('org.imsglobal.lti.put_data.response');
    const get = await ask({ subject: 'org.imsglobal.lti.get_data', message_id: 'g3', key: 'k' });
    expect(get).to.deep.equal({
      subject: 'org.imsglobal.lti.get_data.response',
      message_id: 'g3',
      key: 'k',
      value: 'v',
    });
  });

  it('answers bad requests and unknown subjects with LTI errors', async () => {
    await start();
    const a = await ask({ subject: 'lti.put_data', message_id: 'b1', key: '', value: 'v' });
    expect((a.error as { code: string }).code).to.equal('bad_request');
    const b = await ask({ subject: 'lti.put_data', message_id: 'b2', key: 'k', value: { not: 'a string' } });
    expect((b.error as { code: string }).code).to.equal('bad_request');
    const c = await ask({ subject: 'lti.showAlert', message_id: 'b3' });
    expect(c).to.deep.equal({
      subject: 'lti.showAlert.response',
      message_id: 'b3',
      error: { code: 'unsupported_subject', message: 'lti.showAlert is not supported' },
    });
    expect(store.size).to.equal(0);
  });

  it('resizes the frame, bounded', async () => {
    await start();
    await tool.ok({ cmd: 'lti', message: { subject: 'lti.frameResize', height: 480 } });
    await waitFor(() => heights.at(-1) === 480, 'height 480');
    expect(tool.frame.getBoundingClientRect().height).to.equal(480);
    const r = await ask({ subject: 'lti.frameResize', message_id: 'r1', height: '99999px' });
    expect(r).to.deep.equal({ subject: 'lti.frameResize.response', message_id: 'r1' });
    expect(heights.at(-1)).to.equal(2000);
    await ask({ subject: 'lti.frameResize', message_id: 'r2', height: -5 });
    expect(heights.at(-1)).to.equal(1);
    const bad = await ask({ subject: 'lti.frameResize', message_id: 'r3', height: 'tall' });
    expect((bad.error as { code: string }).code).to.equal('bad_request');
  });

  it('ignores a tool on another origin than the one configured', async () => {
    await start({ origin: `http://127.0.0.1:${Number(location.port) + 1}` });
    await tool.ok({
      cmd: 'lti',
      message: { subject: 'lti.put_data', message_id: 'x1', key: 'k', value: 'v' },
    });
    await tool.ok({ cmd: 'lti', message: { subject: 'lti.frameResize', height: 300 } });
    // A listener on the right origin proves the messages went out and were answered there.
    const control = createLtiListener({
      frame: tool.frame,
      origin: PLUGIN_ORIGIN,
      storage: { get: () => null, set: () => {} },
    });
    await ask({ subject: 'lti.capabilities', message_id: 'x2' });
    control.close();
    expect(responses().map((r) => r.message_id)).to.deep.equal(['x2']);
    expect(store.size).to.equal(0);
    expect(heights).to.deep.equal([]);
  });

  it('ignores the same messages from another frame', async () => {
    await start({ frame: () => window }); // the host's own window, not the tool's
    await tool.ok({
      cmd: 'lti',
      message: { subject: 'lti.put_data', message_id: 'y1', key: 'k', value: 'v' },
    });
    const control = createLtiListener({ frame: tool.frame, origin: PLUGIN_ORIGIN });
    await ask({ subject: 'lti.capabilities', message_id: 'y2' });
    control.close();
    expect(responses().map((r) => r.message_id)).to.deep.equal(['y2']);
    expect(store.size).to.equal(0);
  });
});
