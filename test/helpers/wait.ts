/** Wait for a condition (never a fixed sleep): polls each animation frame until `fn` is truthy. */
export async function waitFor<T>(fn: () => T | Promise<T>, message = 'condition', timeout = 5000): Promise<NonNullable<T>> {
  const start = performance.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (performance.now() - start > timeout) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

/** Resolves with the next event of `type` dispatched on `target`. */
export function nextEvent<E extends Event = Event>(target: EventTarget, type: string, timeout = 5000): Promise<E> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${type} event within ${timeout} ms`)), timeout);
    target.addEventListener(type, (e) => {
      clearTimeout(t);
      resolve(e as E);
    }, { once: true });
  });
}
