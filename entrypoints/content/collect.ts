// collect: gather the page's text per block, so "writ of <em>mandamus</em>" is one string, while skipping
// what must never be marked: code, form fields, editors, hidden templates and the extension's own UI.

export const UI_HOST_TAG = 'legal-lens-ui';

/** Elements whose text is never marked (and not walked into). */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD',
  'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'BUTTON',
  UI_HOST_TAG.toUpperCase(),
]);

/** Inline elements: their text joins the text around them into one block string. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG',
  'SUB', 'SUP', 'TIME', 'U', 'VAR', 'FONT', 'LABEL', 'INS', 'DEL', 'NOBR', 'BIG', 'TT', 'STRIKE', 'ACRONYM', 'WBR',
]);

/** A run of text nodes that read as one string. `starts[i]` is where nodes[i] begins in `text`. */
export interface Block {
  element: Element;
  text: string;
  nodes: Text[];
  starts: number[];
}

export function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName.toUpperCase());
}

export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return (el as HTMLElement).isContentEditable === true;
}

/** The element whose text a change inside `node` can affect: its nearest non-inline ancestor. */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && isInline(el) && el.parentElement) el = el.parentElement;
  return el;
}

/** True if `node` sits inside something we never mark (an editor, code, our own UI). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  const root = node.getRootNode();
  if (root instanceof ShadowRoot) return isInsideSkipped(root.host);
  return (node.ownerDocument ?? (node as Document)).designMode === 'on';
}

/**
 * Walks `root` in document order and yields its text blocks, lazily, so the caller can work in slices.
 * Open shadow roots are walked too and reported through `onShadowRoot`. `onElement` sees every element
 * walked (used to forget the old matches of a re-scanned subtree).
 */
export function* iterateBlocks(
  root: Node,
  hooks: { onElement?: (el: Element) => void; onShadowRoot?: (root: ShadowRoot) => void } = {},
): Generator<Block> {
  const doc = root.ownerDocument ?? (root as Document);
  if (doc.designMode === 'on') return;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      return isSkipped(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  let current = null as Block | null;
  let pieces: string[] = [];
  let length = 0;
  const close = (): Block | null => {
    const done: Block | null = current;
    current = null;
    if (!done || !done.nodes.length) return null;
    done.text = pieces.join('');
    pieces = [];
    length = 0;
    return /[\p{L}\p{N}]/u.test(done.text) ? done : null;
  };
  if (root.nodeType === Node.ELEMENT_NODE) hooks.onElement?.(root as Element);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const el = text.parentElement;
      if (!el) continue;
      const owner = (isInline(el) ? blockOf(el) : el) ?? el;
      if ((current as Block | null)?.element !== owner) {
        const done = close();
        if (done) yield done;
        current = { element: owner, text: '', nodes: [], starts: [] };
        pieces = [];
        length = 0;
      }
      current!.nodes.push(text);
      current!.starts.push(length);
      pieces.push(text.data);
      length += text.data.length;
      continue;
    }
    const el = node as Element;
    hooks.onElement?.(el);
    if (!isInline(el)) {
      // a block or a <br> inside the run ends it
      const done = close();
      if (done) yield done;
    }
    const shadow = el.shadowRoot;
    if (shadow && shadow.mode === 'open') {
      hooks.onShadowRoot?.(shadow);
      yield* iterateBlocks(shadow, hooks);
    }
  }
  const done = close();
  if (done) yield done;
}

export function collectBlocks(root: Node): Block[] {
  return [...iterateBlocks(root)];
}

/** Maps an offset in a block's text back to a (text node, offset) position. */
export function locate(block: Block, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo], offset: offset - starts[lo] };
}
