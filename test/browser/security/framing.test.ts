/**
 * Framing: a site the plugin does not list (127.0.0.1 here) embeds the plugin (on localhost) and
 * runs a complete DigiOne host for it. The SDK refuses to talk to it: its hello is addressed to the
 * listed origins only (so the browser never delivers it), and a forged welcome, even one carrying
 * the real connect-attempt id and a working port, is ignored because of its origin.
 */
import { expect } from '@open-wc/testing';
import { waitFor } from '../../helpers/wait.js';

const PORTAL = `http://localhost:${location.port}`;
const ATTACKER = `http://127.0.0.1:${location.port}`;
const FIXTURES = '/test/browser/fixtures/hostile';

interface Report {
  report: true;
  framer?: boolean;
  plugin?: boolean;
  [k: string]: unknown;
}
const reports: Report[] = [];
addEventListener('message', (e) => {
  if ((e.origin === PORTAL || e.origin === ATTACKER) && e.data?.report) reports.push(e.data);
});

/** The attacker's page, framing the plugin with the given host origins. */
async function framed(hostOrigins: string[]) {
  reports.length = 0;
  const plugin = `${PORTAL}${FIXTURES}/framed-plugin.html?${new URLSearchParams({ hostOrigins: hostOrigins.join(','), timeout: '2500' })}`;
  const frame = document.createElement('iframe');
  frame.src = `${ATTACKER}${FIXTURES}/framer.html?${new URLSearchParams({ plugin })}`;
  document.body.append(frame);
  await waitFor(() => reports.find((r) => r.framer && r.loaded), 'the framing page');
  const { instance } = await waitFor(() => reports.find((r) => r.plugin && r.instance), 'the plugin');
  return {
    frame,
    instance: instance as string,
    outcome: () =>
      waitFor(() => reports.find((r) => r.plugin && 'connected' in r), 'connect() to settle', 6000),
    async status() {
      const n = reports.length;
      frame.contentWindow!.postMessage({ cmd: 'status' }, ATTACKER);
      return waitFor(() => reports.slice(n).find((r) => r.framer && 'heard' in r), 'status');
    },
  };
}

describe('framing: the SDK talks only to the host origins it lists', function () {
  this.timeout(20000);
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('an unlisted site that frames the plugin gets no hello, and its forged welcome is ignored', async () => {
    const f = await framed([PORTAL]);
    // the worst case: the attacker knows the connect attempt's id and offers a working port
    f.frame.contentWindow!.postMessage({ cmd: 'forge', instance: f.instance }, ATTACKER);
    const r = await f.outcome();
    expect(r.connected).to.equal(false);
    expect(r.code).to.equal('TIMEOUT');
    expect(r.message).to.include(`no welcome from ${PORTAL}`);
    const s = await f.status();
    expect(s.heard, 'the plugin never said anything to the framing site').to.equal(0);
    expect(s.state).to.equal('waiting');
  });

  it('the same page connects when the vendor does list that origin (so the test above can fail)', async () => {
    const f = await framed([ATTACKER]);
    const r = await f.outcome();
    expect(r.connected).to.equal(true);
    expect(r.sub).to.equal('attacker-chosen');
    expect((await f.status()).state).to.equal('connected');
  });

  it('a wildcard host origin is refused outright', async () => {
    const f = await framed(['*']);
    const r = await f.outcome();
    expect(r).to.deep.include({ connected: false, code: 'INVALID_PARAMS' });
  });
});
