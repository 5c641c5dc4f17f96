// hit-test: which painted term is under a point. caretPositionFromPoint gives the text position under the
// pointer; the term is the painted range holding it, confirmed by the pointer lying inside one of its rects.
import { blockOf, isInsideSkipped } from './collect';
import { liveRange, type PaintedMatch, type Painter } from './paint';

export interface TermHit {
  match: PaintedMatch;
  rect: DOMRect;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
};

export function findTermAt(doc: Document, x: number, y: number, painter: Painter, shadowRoots: ShadowRoot[]): TermHit | null {
  const caret = (doc as CaretDoc).caretPositionFromPoint?.(x, y, shadowRoots.length ? { shadowRoots } : undefined);
  const node = caret?.offsetNode;
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  // an editor made since the scan (contenteditable, designMode): its marks go at the next check, and until then
  // no card opens in it
  if (isInsideSkipped(node)) return null;
  const block = blockOf(node);
  if (!block) return null;
  for (const match of painter.matchesOf(block)) {
    if (!painter.isPainted(match)) continue;
    const r = match.range;
    const offset = Math.min(caret.offset, (node as Text).length);
    if (r.startContainer === node && r.endContainer === node) {
      if (offset < r.startOffset || offset > r.endOffset) continue;
    } else if (!liveRange(r).isPointInRange(node, offset)) continue;
    const rect = rectAt(r, x, y);
    if (rect) return { match, rect };
  }
  return null;
}

/** The client rect of `range` that contains the point, if any (a term can wrap over two lines). */
export function rectAt(range: AbstractRange, x: number, y: number): DOMRect | null {
  for (const rect of liveRange(range).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return rect;
  }
  return null;
}

/** True when any part of `range` is inside the viewport. `scratch`: a Range to measure with (liveRange's `into`). */
export function isInViewport(range: AbstractRange, win: Window, scratch?: Range): boolean {
  const rect = liveRange(range, scratch).getBoundingClientRect();
  return rect.width > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < win.innerHeight && rect.left < win.innerWidth;
}
