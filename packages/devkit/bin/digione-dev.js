#!/usr/bin/env node
// digione-dev: the local DigiOne platform. The code lives in ../dist (built by `npx tsc -b packages/devkit`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('digione-dev is not built yet: run `npx tsc -b packages/devkit` (or `npm run build`) first.');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
