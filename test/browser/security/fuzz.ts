/**
 * fast-check in the browser security tests: one fixed seed (so `npm test` is reproducible), printed
 * with the shrunk counterexample on failure. To explore other cases, change SEED here; to replay a
 * failure, put the printed seed here.
 */
import fc from 'fast-check';

export const SEED = 0x0d1_5eed;

/** Check `property` with the seed; on failure throw an error naming seed, path and counterexample. */
export async function holds(
  name: string,
  property: fc.IRawProperty<unknown[]>,
  numRuns: number,
): Promise<number> {
  const out = await fc.check(property as fc.IAsyncProperty<unknown[]>, { seed: SEED, numRuns });
  if (!out.failed) return out.numRuns;
  const cause = out.errorInstance instanceof Error ? out.errorInstance.stack : String(out.errorInstance);
  throw new Error(
    `${name}: property failed after ${out.numRuns} cases (seed ${out.seed}, path "${out.counterexamplePath}")\n` +
      `counterexample: ${fc.stringify(out.counterexample)}\n${cause}`,
  );
}

/** Strings a hostile sender likes: markup, script URLs, prototype keys, controls, long runs. */
export const nastyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        '__proto__',
        'constructor',
        'toString',
        '<img src=x onerror="window.__pwned=1">',
        '<script>window.__pwned=1</script>',
        '"><svg onload=window.__pwned=1>',
        '{{constructor.constructor("window.__pwned=1")()}}',
        'javascript:window.__pwned=1',
        '//evil.example/x',
        '/\t/evil.example/x',
        '\u0000',
        '\u202e\u2066',
        'x'.repeat(300),
      ),
    },
  );

/** Anything structured clone can carry (postMessage): what a hostile frame may send. */
export const cloneable = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.anything({
      key: fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom('__proto__', 'constructor', 'id', 'method', 'then'),
      ),
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
    }),
    nastyString(),
  );

/** Counts uncaught errors and unhandled rejections in this page while a test runs. */
export function watchErrors(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    },
  };
}

export { fc };
