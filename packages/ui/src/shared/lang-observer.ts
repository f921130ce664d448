/**
 * Where an element's language comes from, and one shared watcher for `lang` changes.
 *
 * A `lang` attribute may sit on an ancestor in the document or on an element inside some shadow
 * root the host lives in. One MutationObserver per tree (the document, plus each shadow root a
 * watching element lives in), filtered to `lang`, serves every watcher: a change calls each
 * watcher, and each re-reads its own nearest `lang` (cheap: a walk up the tree).
 * @module
 */

/** The nearest `lang` attribute at or above `el`, crossing shadow boundaries; `null` if none. */
export function nearestLang(el: Node): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}

type Watcher = () => void;
const watchers = new Set<Watcher>();
const observed = new WeakSet<Node>();
let observer: MutationObserver | undefined;

/**
 * Call `fn` whenever any `lang` attribute in the trees that contain `el` changes. Returns the
 * function that stops it. Call again after `el` moves to another tree (on reconnect).
 */
export function watchLang(el: Element, fn: Watcher): () => void {
  observer ??= new MutationObserver(() => {
    for (const w of [...watchers]) w();
  });
  let node: Node = el.getRootNode();
  for (;;) {
    if (!observed.has(node) && (node instanceof Document || node instanceof ShadowRoot)) {
      observed.add(node);
      observer.observe(node, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    if (!(node instanceof ShadowRoot)) break;
    node = node.host.getRootNode();
  }
  watchers.add(fn);
  return () => watchers.delete(fn);
}
