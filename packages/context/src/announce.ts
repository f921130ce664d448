/**
 * The page's two live regions (polite and assertive) and {@link announce}: one implementation for
 * the elements of `@digione/ui` and for `<d1-plugin-host>`, so that two of them speaking in the
 * same frame are read together instead of one emptying the region under the other.
 *
 * The regions live in `document.body`, outside every shadow root, visually hidden, and are made
 * when an element connects, never at the moment of speaking (a region born with its text is often
 * not read). Regions already on the page (`[data-d1-announcer]`, e.g. from another copy of these
 * packages) are reused. To read identical text again the region is emptied and refilled a frame
 * later; texts that arrive in the same frame are read together.
 * @module
 */

/** Milliseconds after which an announced text is cleared, so a virtual cursor does not find stale text. */
export const ANNOUNCE_CLEAR_MS = 7000;

type Politeness = 'polite' | 'assertive';
/** What waits to be read in a region, and its timers. */
const pending = new WeakMap<HTMLElement, { texts: string[]; frame: number; clear: number; lang?: string }>();

function region(doc: Document, politeness: Politeness): HTMLElement {
  let el = doc.body.querySelector<HTMLElement>(`:scope > [data-d1-announcer="${politeness}"]`);
  if (!el) {
    el = doc.createElement('div');
    // role=status/alert would add implicit semantics some readers double-announce; aria-live alone is enough
    el.setAttribute('aria-live', politeness);
    el.setAttribute('aria-atomic', 'true');
    el.dataset.d1Announcer = politeness;
    el.style.cssText =
      'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0';
    doc.body.append(el);
  }
  return el;
}

/** The document's two live regions, created when missing (call early: on connect). */
export function ensureLiveRegions(doc: Document = document): Record<Politeness, HTMLElement> {
  return { polite: region(doc, 'polite'), assertive: region(doc, 'assertive') };
}

/**
 * Read `text` to screen reader users: polite, or assertive for errors the user must hear now.
 * The same text twice is read twice. `lang`: the language of `text` (the region says it while the
 * text is there; none given, the page's).
 */
export function announce(doc: Document, text: string, assertive = false, lang?: string | null): void {
  if (!text.trim()) return;
  const el = region(doc, assertive ? 'assertive' : 'polite');
  let p = pending.get(el);
  if (!p) pending.set(el, (p = { texts: [], frame: 0, clear: 0 }));
  p.texts.push(text);
  // the region is the page's: it says the language of what it reads now (a Swedish text on a
  // Finnish page would be read with a Finnish voice)
  p.lang = lang ?? undefined;
  if (p.frame) return;
  const q = p;
  clearTimeout(q.clear);
  el.textContent = '';
  // set in a later frame than the clear, so an identical text is a change and is read again
  q.frame = requestAnimationFrame(() => {
    q.frame = requestAnimationFrame(() => {
      q.frame = 0;
      if (q.lang) el.lang = q.lang;
      else el.removeAttribute('lang');
      el.textContent = q.texts.join(' ');
      q.texts = [];
      q.clear = window.setTimeout(() => (el.textContent = ''), ANNOUNCE_CLEAR_MS);
    });
  });
}
