// collect: gather the page's text per block, so "writ of <em>mandamus</em>" is one string, while skipping
// what must never be marked: code, form fields, editors, hidden templates and the extension's own UI.
// Reading a page's text is the floor of what this can cost, so the walk is a native TreeWalker over text
// nodes only, with each element above some text looked at once (cached) and nothing else.

import { CARD_HOST_TAG } from '@/components/card-host';

/** Elements whose text is never marked (and not walked into), by local name. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'kbd',
  'samp', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'button',
  CARD_HOST_TAG,
]);

/** Inline elements: their text joins the text around them into one block string. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'i', 'mark', 'q', 's', 'small', 'span', 'strong',
  'sub', 'sup', 'time', 'u', 'var', 'font', 'label', 'ins', 'del', 'nobr', 'big', 'tt', 'strike', 'acronym', 'wbr',
]);

/** A run of text nodes that read as one string. `starts[i]` is where nodes[i] begins in `text`. */
export interface Block {
  element: Element;
  text: string;
  nodes: Text[];
  starts: number[];
  /** a window of a long block: only matches starting in [from, until) of `text` belong to this item */
  from?: number;
  until?: number;
}

export function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.localName);
}

function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The element whose text a change inside `node` can affect: its nearest non-inline ancestor (or shadow host). */
export function blockOf(node: Node): Element | null {
  let el: Element | null;
  if (node.nodeType === Node.ELEMENT_NODE) el = node as Element;
  else if (node.parentElement) el = node.parentElement;
  else return node.parentNode instanceof ShadowRoot ? node.parentNode.host : null;
  while (isInline(el)) {
    if (el.parentElement) el = el.parentElement;
    else if (el.parentNode instanceof ShadowRoot) return el.parentNode.host;
    else break;
  }
  return el;
}

/** True if `node` sits inside something we never mark (an editor, code, our own UI). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el) || (el as HTMLElement).isContentEditable) return true;
  }
  const root = node.getRootNode();
  if (root instanceof ShadowRoot) return isInsideSkipped(root.host);
  return (node.ownerDocument ?? (node as Document)).designMode === 'on';
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Standard element names, the most common first (the selector engine stops at the first that matches):
 * anything else is a custom element.
 */
const STANDARD =
  'span,div,a,p,li,td,tr,em,strong,b,i,img,br,ul,ol,th,table,tbody,thead,section,article,header,footer,nav,main,' +
  'aside,blockquote,h1,h2,h3,h4,h5,h6,figure,figcaption,label,input,button,form,svg,path,g,script,style,link,meta,' +
  'option,select,textarea,small,code,pre,time,sup,sub,hr,iframe,picture,source,video,noscript,html,head,body,title,' +
  'abbr,cite,u,s,mark,dl,dt,dd,caption,col,colgroup,tfoot,details,summary,canvas,address,area,audio,base,bdi,bdo,' +
  'data,datalist,del,dfn,dialog,embed,fieldset,font,hgroup,ins,kbd,legend,map,menu,meter,object,optgroup,output,' +
  'param,progress,q,rp,rt,ruby,samp,search,slot,template,track,var,wbr,math,center,big,tt,strike,nobr,acronym,' +
  'circle,rect,line,polyline,polygon,ellipse,defs,use,symbol,clippath,lineargradient,stop,' + CARD_HOST_TAG;

/**
 * Every element that can hold a shadow root: custom elements, and the standard elements attachShadow() accepts
 * (the DOM Standard's "valid shadow host name"), where declarative shadow roots (<template shadowrootmode>) and
 * page scripts attach them too.
 */
const SHADOW_HOSTS = `*:not(${STANDARD}),article,aside,blockquote,div,footer,h1,h2,h3,h4,h5,h6,header,main,nav,p,section,span`;

/** Elements inside a block that end a run of text there: line breaks, replaced elements, skipped ones. */
const BREAKS =
  'br,hr,img,code,kbd,samp,pre,button,select,input,textarea,svg,math,canvas,iframe,object,embed,video,audio,' +
  'script,style,noscript,template,[hidden],[contenteditable]:not([contenteditable="false"])';

/**
 * How much is done between two chances to pause: text nodes walked or shadow hosts looked at. Each costs well
 * under a microsecond or two, so the caller (which measures time) gets a say often enough to keep every task short.
 */
const STEPS_PER_PAUSE = 1000;
/** A block longer than this is matched window by window, each its own item, so no item takes long. */
export const WINDOW_CHARS = 20_000;
/** Text each window reads before and after its own part, so terms across a window's edge are found once. */
export const WINDOW_CONTEXT = 1000;

/** Where a text node's parent puts it: the block that owns its text, or null when it must never be marked. */
interface Placement {
  owner: Element | null;
}

/**
 * Walks `root` in document order and yields its text blocks, lazily, so the caller can work in slices; `null` now
 * and then means "nothing yet, pause here if you need to" (a long stretch of skipped text, many shadow hosts, a
 * run of thousands of text nodes). A block longer than WINDOW_CHARS is yielded once per window (`from`, `until`).
 *
 * The cost is linear in the size of the page: only text nodes are walked (a native TreeWalker, like merely reading
 * the page); each element above some text is looked at once (cached) to learn its block and whether it is skipped;
 * elements that end a run (`BREAKS`) are found in one native query and matched to the text that follows each of
 * them by identity, in document order, never by comparing positions (which costs as much as the siblings between
 * two nodes). Open shadow roots are walked too, reported through `onShadowRoot`; `onBlock` sees each block element
 * as it is first met.
 */
export function* iterateBlocks(
  root: Node,
  hooks: {
    onBlock?: (el: Element) => void;
    onShadowRoot?: (root: ShadowRoot) => void;
    /** start at this element's block and wrap around, so what the reader sees is marked first */
    startNear?: Element | null;
  } = {},
): Generator<Block | null> {
  const doc = root.ownerDocument ?? (root as Document);
  if (doc.designMode === 'on') return;
  const scope = root as ParentNode;
  if (root.nodeType === Node.ELEMENT_NODE && (isSkipped(root as Element) || isInsideSkipped(root))) return;
  // elements skipped by attribute, found natively in one query rather than asked one by one
  const flagged = new Set<Element>(scope.querySelectorAll('[hidden],[contenteditable]:not([contenteditable="false"])'));
  const top: Element = root instanceof ShadowRoot ? root.host : root.nodeType === Node.ELEMENT_NODE ? (blockOf(root) ?? (root as Element)) : (doc.body ?? doc.documentElement);
  const placements = new Map<Node, Placement>();
  placements.set(root, { owner: top });
  const seen = new Set<Element>();

  const place = (parent: Node): Placement => {
    const chain: Node[] = [];
    let known: Placement | undefined;
    for (let n: Node | null = parent; n; n = n.parentNode) {
      known = placements.get(n);
      if (known) break;
      chain.push(n);
    }
    let above = known ?? { owner: top };
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i];
      let here: Placement;
      if (above.owner === null || n.nodeType !== Node.ELEMENT_NODE) here = above;
      else {
        const el = n as Element;
        const name = el.localName;
        if (SKIP_TAGS.has(name) || flagged.has(el)) here = { owner: null };
        else if (INLINE_TAGS.has(name)) here = above;
        else here = { owner: el };
      }
      placements.set(n, here);
      above = here;
    }
    return above;
  };

  // Elements that end a run of text (<br>, images, code, fields…), in document order. The first text node after
  // each one starts a new run; those text nodes are found one break at a time, as the walk gets there.
  const breaks = scope.querySelectorAll(BREAKS);
  const after = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** The first text node after `el`'s subtree inside root, or null (TreeWalker.nextSibling climbs ancestors). */
  const textAfter = (el: Element): Node | null => {
    after.currentNode = el;
    return after.nextSibling();
  };

  let run: Block | null = null;
  let pieces: string[] = [];
  let length = 0;
  const close = (): Block | null => {
    const done = run;
    run = null;
    if (!done) return null;
    done.text = pieces.length === 1 ? pieces[0] : pieces.join('');
    return HAS_WORD.test(done.text) ? done : null;
  };
  /** A finished block as items: itself, or one per window when it is long. */
  function* emit(block: Block | null): Generator<Block> {
    if (!block) return;
    const n = block.text.length;
    if (n <= WINDOW_CHARS + WINDOW_CONTEXT) {
      yield block;
      return;
    }
    for (let from = 0; from < n; from += WINDOW_CHARS) yield { ...block, from, until: Math.min(n, from + WINDOW_CHARS) };
  }

  // visible first: from the block at the top of the viewport to the end, then from the start up to it
  const startBlock = hooks.startNear && root.contains(hooks.startNear) ? blockOf(hooks.startNear) : null;
  const phases: Node[] = startBlock && startBlock !== root ? [startBlock, root] : [root];
  let stopAt: Node | null = null;
  let steps = 0;
  for (const from of phases) {
    // the next break to meet, and the text node that follows it
    let b = from === root ? 0 : firstBreakFrom(breaks, from);
    let startsRun: Node | null = null;
    let breakEl: Element | null = null;
    const nextBreak = () => {
      for (; b < breaks.length; b++) {
        const el = breaks[b];
        // a break inside the previous one (a <br> inside <pre>) has nothing of its own after it
        if (breakEl?.firstChild && breakEl.contains(el)) continue;
        breakEl = el;
        startsRun = textAfter(el);
        b++;
        return;
      }
      breakEl = null;
      startsRun = null;
    };
    nextBreak();
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    if (from !== root) walker.currentNode = from;
    let first = true;
    for (let node = walker.nextNode(); node && node !== stopAt; node = walker.nextNode()) {
      if (first) {
        if (from !== root) stopAt = node; // the second phase ends where the first began
        first = false;
      }
      let crossed = false;
      while (startsRun === node) {
        crossed = true;
        nextBreak(); // several breaks in a row start the same run
      }
      if (++steps >= STEPS_PER_PAUSE) {
        steps = 0;
        yield null;
      }
      const parent = node.parentNode!;
      const owner = (placements.get(parent) ?? place(parent)).owner;
      if (!owner) continue;
      const r = run as Block | null;
      if (r === null || r.element !== owner || crossed) {
        yield* emit(close());
        if (!seen.has(owner)) {
          seen.add(owner);
          hooks.onBlock?.(owner);
        }
        run = { element: owner, text: '', nodes: [], starts: [] };
        pieces = [];
        length = 0;
      }
      const data = (node as Text).data;
      const current = run as unknown as Block;
      current.nodes.push(node as Text);
      current.starts.push(length);
      pieces.push(data);
      length += data.length;
    }
    yield* emit(close());
  }

  // open shadow roots, on elements that are not inside something skipped (root's own too)
  const hosts: Iterable<Element> = root.nodeType === Node.ELEMENT_NODE ? [root as Element, ...scope.querySelectorAll(SHADOW_HOSTS)] : scope.querySelectorAll(SHADOW_HOSTS);
  for (const host of hosts) {
    if (++steps >= STEPS_PER_PAUSE) {
      steps = 0;
      yield null;
    }
    const shadow = host.shadowRoot;
    if (!shadow || shadow.mode !== 'open') continue;
    const placement = placements.get(host) ?? place(host);
    if (placement.owner === null || isSkipped(host)) continue;
    hooks.onShadowRoot?.(shadow);
    yield* iterateBlocks(shadow, hooks);
  }
}

/**
 * Open shadow roots under `root` (and inside the open shadow roots `known` already holds) that `known` does not
 * hold: roots attached after their host was scanned. Hosts inside something skipped are left out. Yields `null`
 * now and then, as iterateBlocks does, so the caller can pause.
 */
export function* newShadowRoots(root: ParentNode, known: ReadonlySet<ShadowRoot>): Generator<ShadowRoot | null> {
  let steps = 0;
  for (const host of root.querySelectorAll(SHADOW_HOSTS)) {
    if (++steps >= STEPS_PER_PAUSE) {
      steps = 0;
      yield null;
    }
    const shadow = host.shadowRoot;
    if (!shadow || shadow.mode !== 'open') continue;
    if (known.has(shadow)) yield* newShadowRoots(shadow, known);
    else if (!isInsideSkipped(host)) yield shadow;
  }
}

/** Index of the first break at or after `node` in document order (binary search: log n position checks). */
function firstBreakFrom(breaks: NodeListOf<Element>, node: Node): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const el = breaks[mid];
    const before = el !== node && !node.contains(el) && !!(el.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every block of `root` (windows of long blocks included), at once: for tests and small roots. */
export function collectBlocks(root: Node): Block[] {
  return [...iterateBlocks(root)].filter((b): b is Block => b !== null);
}
