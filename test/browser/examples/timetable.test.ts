/**
 * The example timetable plugin (examples/plugins/timetable) in a real `<d1-plugin-host>`: its
 * button to the exercises is there only when the portal granted `navigation`, which the plugin
 * reads from its context instead of learning it from a refusal.
 */
import { expect } from '@open-wc/testing';
import '@digione/plugin-host/define/d1-plugin-host.js';
import type { D1PluginHost, PluginManifest } from '@digione/plugin-host';
import type { PlatformContext } from '@digione/context';
import { waitFor } from '../../helpers/wait.js';
import { stateOf, teacherStore } from '../../../packages/plugin-host/test/helpers.js';
import manifest from '../../../examples/plugins/timetable/manifest.json';

const DIR = `${location.origin}/examples/plugins/timetable/`;
const URL_ = `${DIR}timetable.js`;
let host: D1PluginHost;

async function timetable(grants: string[]) {
  host = document.createElement('d1-plugin-host');
  // as the registry reads it from its URL: relative addresses resolved against the manifest's
  host.manifest = { ...(manifest as PluginManifest), module: URL_, icon: `${DIR}icon.svg` };
  host.moduleAllowList = [URL_];
  host.grants = grants as D1PluginHost['grants'];
  host.context = teacherStore().get() as PlatformContext;
  document.body.append(host);
  await stateOf(host, 'ready');
  const inner = () => host.shadowRoot!.querySelector('[part="module"]')!.shadowRoot!;
  await waitFor(() => inner().querySelector('table'), 'the timetable rendered');
  return inner;
}
afterEach(() => host.remove());

describe('example timetable plugin', () => {
  it('offers the exercises when the portal granted navigation', async () => {
    const inner = await timetable(['context.group', 'navigation']);
    expect(inner().querySelector('button')?.textContent).to.equal('Avaa ryhmän harjoitukset');
  });

  it('has no button to the exercises without the navigation grant, and gets it when granted', async () => {
    const inner = await timetable(['context.group']);
    expect(inner().querySelector('button')).to.equal(null);
    host.grants = ['context.group', 'navigation'];
    await waitFor(() => inner().querySelector('button'), 'the button after the grant');
  });
});
