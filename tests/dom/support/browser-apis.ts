// Stand-ins for what happy-dom lacks and the page pipeline needs: StaticRange, the CSS Custom Highlight API
// (Highlight, CSS.highlights) and, for hit-testing, a tiny layout — caretPositionFromPoint and the client rects
// of ranges. Import it first in a DOM test; installLayout() turns the layout on.
//
// The layout: each block (as collect defines it: the nearest non-inline ancestor of a text node, or a shadow
// host) is one line, LINE px tall, stacked in document order; every character is CHAR px wide. Text of one block
// continues on its line across inline elements, so "writ of <em>mandamus</em>" is one run of 16 characters.
import { blockOf } from '@/components/page/collect';

export const CHAR = 8;
export const LINE = 20;

class StaticRangeStandIn {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

class HighlightStandIn extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const g = globalThis as Record<string, unknown>;
g.StaticRange ??= StaticRangeStandIn;
g.Highlight ??= HighlightStandIn;
/** The highlight registry (a maplike of name → Highlight, as in browsers), typed for tests. */
export const highlights = new Map<string, Set<AbstractRange>>();
// happy-dom's CSS may hand out a fresh object on each read: the registry goes on what every instance shares
const cssObject = (g.CSS ??= {}) as object;
if (!('highlights' in cssObject)) {
  Object.defineProperty(Object.getPrototypeOf(cssObject) === Object.prototype ? cssObject : Object.getPrototypeOf(cssObject), 'highlights', {
    configurable: true,
    get: () => highlights,
  });
}

/** The text of a painted range (StaticRanges have no toString). */
export function rangeText(r: AbstractRange): string {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

interface Placed {
  node: Text;
  top: number;
  left: number;
  /** the shadow root the text is in, if any */
  shadow: ShadowRoot | null;
}

/** Lays out every text node of the document and its open shadow roots (see the file comment). */
function layout(): Placed[] {
  const lines = new Map<Element, { top: number; x: number }>();
  const out: Placed[] = [];
  const walk = (parent: Node, shadow: ShadowRoot | null) => {
    for (const child of parent.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const block = blockOf(child);
        if (!block) continue;
        let line = lines.get(block);
        if (!line) lines.set(block, (line = { top: lines.size * LINE, x: 0 }));
        out.push({ node: child as Text, top: line.top, left: line.x, shadow });
        line.x += (child as Text).length * CHAR;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as Element;
        if (['SCRIPT', 'STYLE', 'TEMPLATE', 'HEAD'].includes(el.tagName)) continue;
        if (el.shadowRoot) walk(el.shadowRoot, el.shadowRoot);
        walk(el, shadow);
      }
    }
  };
  walk(document, null);
  return out;
}

function rectsOf(range: AbstractRange): DOMRect[] {
  const placed = layout();
  const start = placed.findIndex((p) => p.node === range.startContainer);
  const end = placed.findIndex((p) => p.node === range.endContainer);
  if (start < 0 || end < 0) return [];
  const byLine = new Map<number, { left: number; right: number }>();
  for (let i = start; i <= end; i++) {
    const p = placed[i];
    const from = i === start ? range.startOffset : 0;
    const to = i === end ? range.endOffset : p.node.length;
    if (to <= from) continue;
    const left = p.left + from * CHAR;
    const right = p.left + to * CHAR;
    const line = byLine.get(p.top);
    if (line) {
      line.left = Math.min(line.left, left);
      line.right = Math.max(line.right, right);
    } else byLine.set(p.top, { left, right });
  }
  return [...byLine].map(([top, { left, right }]) => new DOMRect(left, top, right - left, LINE));
}

let installed = false;

/** Turns the layout on: caretPositionFromPoint and Range client rects follow it (until the test file ends). */
export function installLayout(): void {
  if (installed) return;
  installed = true;
  const proto = Range.prototype as unknown as { getClientRects: () => DOMRect[]; getBoundingClientRect: () => DOMRect };
  proto.getClientRects = function (this: Range) {
    return rectsOf(this);
  };
  proto.getBoundingClientRect = function (this: Range) {
    const rects = rectsOf(this);
    if (!rects.length) return new DOMRect(0, 0, 0, 0);
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return new DOMRect(left, top, right - left, bottom - top);
  };
  (document as unknown as Record<string, unknown>).caretPositionFromPoint = function (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) {
    for (const p of layout()) {
      if (y < p.top || y >= p.top + LINE || x < p.left || x > p.left + p.node.length * CHAR) continue;
      // like a browser, text inside a shadow root is reported only when that root is passed in
      if (p.shadow && !options?.shadowRoots?.includes(p.shadow)) return null;
      return { offsetNode: p.node, offset: Math.round((x - p.left) / CHAR) };
    }
    return null;
  };
}

/** The viewport point at the middle of the n-th painted range whose text is `text`. */
export function pointOf(text: string, n = 0, name = 'legal-lens-underline'): { x: number; y: number } {
  const range = [...(highlights.get(name) ?? [])].filter((r) => rangeText(r) === text)[n];
  if (!range) throw new Error(`no painted "${text}" #${n}`);
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  const r = live.getClientRects()[0];
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}
