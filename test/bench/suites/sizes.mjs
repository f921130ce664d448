// Sizes: min+gzip (level 9) of our bundles and the peers', all bundled here with one setup.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundle, sizeOf } from '../lib/bundle.mjs';

const KB = 1024;
const require = createRequire(import.meta.url);
const version = (pkg) => {
  try {
    return require(`${pkg}/package.json`).version;
  } catch {
    return JSON.parse(readFileSync(join('node_modules', pkg, 'package.json'), 'utf8')).version;
  }
};

const SDK = { entry: 'test/bench/sizes/digione-plugin-sdk.js', label: '@digione/plugin-sdk (all)' };
const PEERS = [
  {
    key: 'penpal',
    pkg: 'penpal',
    entry: 'test/bench/sizes/penpal-child.js',
    label: 'penpal (child: connect + WindowMessenger)',
  },
  { key: 'comlink', pkg: 'comlink', entry: 'test/bench/sizes/comlink.js', label: 'comlink (all)' },
  {
    key: 'teams-js',
    pkg: '@microsoft/teams-js',
    entry: 'test/bench/sizes/teams-js-app.js',
    label: '@microsoft/teams-js (app only)',
  },
  {
    key: 'post-robot',
    pkg: '@krakenjs/post-robot',
    entry: 'test/bench/sizes/post-robot.js',
    label: 'post-robot (all)',
  },
  {
    key: 'zoid',
    pkg: '@krakenjs/zoid',
    entry: 'test/bench/sizes/zoid-child.js',
    label: 'zoid (frame-only build)',
  },
];
// our other budgets (DESIGN.md): the bundles of rollup.config.js, rebuilt here with the same setup
const BUDGETS = [
  {
    key: 'ui',
    input: 'packages/ui/dist/all.js',
    label: '@digione/ui (all elements, with Lit, without platform)',
    max: 30 * KB,
    external: (id) => id === '@digione/platform' || id.startsWith('@digione/platform/'),
  },
  {
    key: 'platform',
    input: 'packages/platform/dist/all.js',
    label: '@digione/platform (with its OIDC client)',
    max: 25 * KB,
  },
  {
    key: 'cdn',
    input: 'packages/shell/dist/cdn.js',
    label: 'dist/cdn/digione.js (everything a portal page needs)',
    max: 60 * KB,
  },
];

/** Peers do not change between runs: reuse a bundle made from the same package version. */
async function cached(entry, out, stamp) {
  const stampFile = `${out}.stamp`;
  if (existsSync(out) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return out;
  await bundle(entry, out);
  writeFileSync(stampFile, stamp);
  return out;
}

export async function sizes({ out, log }) {
  const rows = [];
  const bundlerStamp = String(statSync(new URL('../lib/bundle.mjs', import.meta.url)).mtimeMs);
  await bundle(SDK.entry, join(out, 'size/digione-plugin-sdk.js'));
  const ours = sizeOf(join(out, 'size/digione-plugin-sdk.js'));
  log(`  @digione/plugin-sdk: ${ours.gzip} B`);
  for (const p of PEERS) {
    const v = version(p.pkg);
    const file = await cached(p.entry, join(out, `size/${p.key}.js`), `${v} ${bundlerStamp}`);
    const s = sizeOf(file);
    log(`  ${p.pkg}@${v}: ${s.gzip} B`);
    rows.push({
      group: 'size',
      name: `client SDK, min+gzip: vs ${p.label}`,
      unit: 'KB',
      better: 'lower',
      ours: { value: ours.gzip / KB, min: ours.min / KB },
      peer: { name: `${p.pkg}@${v}`, value: s.gzip / KB, min: s.min / KB },
      ...(p.key === 'penpal' ? { budget: { text: '<= 3 KB', ok: ours.gzip <= 3 * KB } } : {}),
    });
  }
  for (const b of BUDGETS) {
    if (!existsSync(b.input)) {
      rows.push({ group: 'size', name: b.label, unit: 'KB', error: `${b.input} not built` });
      continue;
    }
    const file = await bundle(b.input, join(out, `size/${b.key}.js`), { external: b.external });
    const s = sizeOf(file);
    log(`  ${b.key}: ${s.gzip} B`);
    rows.push({
      group: 'size',
      name: `${b.label}, min+gzip`,
      unit: 'KB',
      better: 'lower',
      ours: { value: s.gzip / KB, min: s.min / KB },
      peer: { name: 'budget', value: b.max / KB },
      budget: { text: `<= ${b.max / KB} KB`, ok: s.gzip <= b.max },
    });
  }
  return rows;
}
