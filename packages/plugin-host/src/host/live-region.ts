/**
 * Speaking through the page's live regions without depending on `@digione/ui`: it reuses the
 * document's polite/assertive regions that `@digione/ui` creates (`[data-d1-announcer]`, in
 * `document.body`, outside every shadow root), and creates them the same way when the page has
 * none yet, on connect rather than at the moment of speaking (a region born with its text is often
 * not read). Identical text is read again: the region is emptied, then filled a frame later.
 * @module
 */
const HIDDEN =
  'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0;';
const CLEAR_MS = 7000;
const pending = new WeakMap<HTMLElement, { texts: string[]; frame: number; clear: number }>();

/** The document's live region of that politeness, created if missing. */
export function liveRegion(doc: Document, politeness: 'polite' | 'assertive'): HTMLElement {
  let el = doc.body.querySelector<HTMLElement>(`:scope > [data-d1-announcer="${politeness}"]`);
  if (!el) {
    el = doc.createElement('div');
    el.setAttribute('aria-live', politeness);
    el.setAttribute('aria-atomic', 'true');
    el.dataset.d1Announcer = politeness;
    el.style.cssText = HIDDEN;
    doc.body.append(el);
  }
  return el;
}

/** Read `text` to screen reader users (polite unless `assertive`); texts in one frame are read together. */
export function announce(doc: Document, text: string, assertive = false): void {
  if (!text.trim()) return;
  const el = liveRegion(doc, assertive ? 'assertive' : 'polite');
  let p = pending.get(el);
  if (!p) pending.set(el, (p = { texts: [], frame: 0, clear: 0 }));
  p.texts.push(text);
  if (p.frame) return;
  const q = p;
  clearTimeout(q.clear);
  el.textContent = '';
  q.frame = requestAnimationFrame(() => {
    q.frame = requestAnimationFrame(() => {
      q.frame = 0;
      el.textContent = q.texts.join(' ');
      q.texts = [];
      q.clear = window.setTimeout(() => (el.textContent = ''), CLEAR_MS);
    });
  });
}
