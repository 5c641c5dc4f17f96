// shadow-at-point: an open shadow root under the reader's pointer that a walk has not met yet. A page can attach
// a shadow root at any time without a mutation record saying so; the highlighter and the content script's
// first pass look under the pointer (at most once per animation frame) so that a late one gets read.

/**
 * The first open shadow root at the viewport point (`x`, `y`, CSS px), through nested ones, that `isKnown` does
 * not know; null when there is none there or all are known. Looks 32 levels deep at most.
 */
export function unknownShadowRootAt(doc: Document, x: number, y: number, isKnown: (root: ShadowRoot) => boolean): ShadowRoot | null {
  let el: Element | null = doc.elementFromPoint(x, y);
  for (let depth = 0; el && depth < 32; depth++) {
    const shadow = el.shadowRoot;
    if (!shadow || shadow.mode !== 'open') return null;
    if (!isKnown(shadow)) return shadow;
    const inner = shadow.elementFromPoint(x, y);
    el = inner === el ? null : inner;
  }
  return null;
}
