// Shared pieces of the node-side security tests: load TypeScript sources (tests run sources, not
// dist), and run fast-check properties with one seed per run that is printed on failure.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The seed of every property in this run: `FC_SEED` when set (to replay a failure), else a fixed
 * default so `npm test` is reproducible. Change it, or set FC_SEED=random, to explore further.
 */
export const SEED =
  process.env.FC_SEED === 'random'
    ? (Date.now() ^ (Math.random() * 0x100000000)) | 0
    : Number(process.env.FC_SEED ?? 0x0d1_5eed);

const cache = new Map();
const bundles = mkdtempSync(join(tmpdir(), 'd1-security-'));
process.on('exit', () => rmSync(bundles, { recursive: true, force: true }));
/** Import a package source file (repository-relative `.ts` path), bundled on the fly with esbuild. */
export function loadSource(path) {
  if (!cache.has(path))
    cache.set(
      path,
      build({
        entryPoints: [root + path],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'neutral',
        conditions: ['source'],
        mainFields: ['module', 'main'],
        logLevel: 'silent',
      }).then((out) => {
        // a file rather than a data: URL, so stack traces name a readable place
        const file = join(bundles, `${cache.size}-${path.replace(/\W+/g, '_')}.mjs`);
        writeFileSync(file, out.outputFiles[0].text);
        return import(pathToFileURL(file).href);
      }),
    );
  return cache.get(path);
}

/**
 * Check a property with the run's seed. On failure the error names the seed, the shrunk
 * counterexample and how to replay it (`FC_SEED=<seed> node scripts/node-tests.mjs <file>`).
 */
export async function holds(name, property, numRuns) {
  const out = await fc.check(property, { seed: SEED, numRuns });
  if (!out.failed) return out.numRuns;
  const cause = out.errorInstance instanceof Error ? out.errorInstance : new Error(String(out.errorInstance));
  throw new Error(
    `${name}: property failed after ${out.numRuns} cases (seed ${out.seed}, path "${out.counterexamplePath}"; ` +
      `replay with FC_SEED=${out.seed})\ncounterexample: ${fc.stringify(out.counterexample)}\n${cause.stack}`,
  );
}

/** Strings a hostile sender likes: markup, script URLs, prototype keys, controls, long runs. */
export const nastyString = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        '<img src=x onerror="window.__pwned=1">',
        '<script>window.__pwned=1</script>',
        '"><svg onload=window.__pwned=1>',
        'javascript:window.__pwned=1',
        'JaVaScRiPt:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        '//evil.example/x',
        '/\t/evil.example/x',
        '/\\evil.example',
        'https://evil.example/',
        '\u0000',
        '\u202e\u2066',
        '\ud800',
        'x'.repeat(3000),
      ),
    },
  );

/** Object keys a hostile sender likes. */
export const nastyKey = () =>
  fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'then', 'fi', 'sv', 'en', 'id'),
  );

/** Arbitrary data as postMessage or JSON.parse could deliver it (and some that neither can). */
export const anyValue = () =>
  fc.oneof(
    fc.anything({
      key: nastyKey(),
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withObjectString: true,
      withBoxedValues: true,
    }),
    fc.jsonValue({ maxDepth: 4 }),
    nastyString(),
  );

export { fc };
