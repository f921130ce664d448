#!/usr/bin/env node
// Check a plugin manifest before publishing it, with the same validator the portals run, and
// print the publishable form: the devkit accepts URLs relative to the manifest's folder, a
// published manifest names absolute https URLs, so `--base` resolves them.
//
//   node examples/plugins/check-manifest.mjs ./manifest.json --base https://tool.example.com/app/ > published.json
//
// Exit code 0: valid (the manifest is printed); 1: every problem listed by path; 2: bad usage.
import { readFileSync } from 'node:fs';
import { validateManifest } from '@digione/plugin-host';

const [file, flag, base] = process.argv.slice(2);
if (!file || (flag && (flag !== '--base' || !base || !URL.canParse(base)))) {
  console.error('usage: node check-manifest.mjs <manifest.json> [--base <absolute URL of its folder>]');
  process.exit(2);
}
// #region check
const manifest = JSON.parse(readFileSync(file, 'utf8'));
delete manifest.$schema; // editor help only
for (const key of ['entry', 'module', 'icon']) {
  if (base && typeof manifest[key] === 'string') manifest[key] = new URL(manifest[key], base).href;
}
const result = validateManifest(manifest);
if (!result.ok) {
  for (const e of result.errors) console.error(`${e.path || '/'}: ${e.message}`);
  process.exit(1);
}
console.log(JSON.stringify(result.manifest, null, 2));
// #endregion check
