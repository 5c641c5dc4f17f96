// collect: gather the page's text per block, so "writ of <em>mandamus</em>" is one string, while skipping
// what must never be marked: code, form fields, editors, hidden templates and the extension's own UI.
// Reading a page's text is the floor of what this can cost, so the walk is a native TreeWalker over text
// nodes only, with each element above some text looked at once (cached) and nothing else.

import { CARD_HOST_TAG, isCardHostName } from '@/components/card-host';

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
}

export function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.localName);
}

function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName) || isCardHostName(el.localName)) return true;
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
 * anything else is a custom element, where open shadow roots live in practice.
 */
const STANDARD =
  'span,div,a,p,li,td,tr,em,strong,b,i,img,br,ul,ol,th,table,tbody,thead,section,article,header,footer,nav,main,' +
  'aside,blockquote,h1,h2,h3,h4,h5,h6,figure,figcaption,label,input,button,form,svg,path,g,script,style,link,meta,' +
  'option,select,textarea,small,code,pre,time,sup,sub,hr,iframe,picture,source,video,noscript,html,head,body,title,' +
  'abbr,cite,u,s,mark,dl,dt,dd,caption,col,colgroup,tfoot,details,summary,canvas,address,area,audio,base,bdi,bdo,' +
  'data,datalist,del,dfn,dialog,embed,fieldset,font,hgroup,ins,kbd,legend,map,menu,meter,object,optgroup,output,' +
  'param,progress,q,rp,rt,ruby,samp,search,slot,template,track,var,wbr,math,center,big,tt,strike,nobr,acronym,' +
  'circle,rect,line,polyline,polygon,ellipse,defs,use,symbol,clippath,lineargradient,stop,' + CARD_HOST_TAG;
const CUSTOM_ELEMENTS = `*:not(${STANDARD})`;

/** Elements inside a block that end a run of text there: line breaks, replaced elements, skipped ones. */
const BREAKS =
  'br,hr,img,code,kbd,samp,pre,button,select,input,textarea,svg,math,canvas,iframe,object,embed,video,audio,' +
  'script,style,noscript,template,[hidden],[contenteditable]:not([contenteditable="false"])';

/** Where a text node's parent puts it: the block that owns its text, or null when it must never be marked. */
interface Placement {
  owner: Element | null;
}

/**
 * Walks `root` in document order and yields its text blocks, lazily, so the caller can work in slices.
 * Only text nodes are walked (a native TreeWalker, like merely reading the page); each element above text is
 * looked at once, cached, to learn its block and whether it is skipped. Open shadow roots of custom elements
 * are walked too and reported through `onShadowRoot`; `onBlock` sees each block element as it is first met.
 */
export function* iterateBlocks(
  root: Node,
  hooks: {
    onBlock?: (el: Element) => void;
    onShadowRoot?: (root: ShadowRoot) => void;
    /** start at this element's block and wrap around, so what the reader sees is marked first */
    startNear?: Element | null;
  } = {},
): Generator<Block> {
  const doc = root.ownerDocument ?? (root as Document);
  if (doc.designMode === 'on') return;
  const scope = root as ParentNode;
  // elements skipped by attribute, found natively in one query rather than asked one by one
  const flagged = new Set<Element>(scope.querySelectorAll('[hidden],[contenteditable]:not([contenteditable="false"])'));
  const top: Element = root instanceof ShadowRoot ? root.host : root.nodeType === Node.ELEMENT_NODE ? (blockOf(root) ?? (root as Element)) : (doc.body ?? doc.documentElement);
  if (root.nodeType === Node.ELEMENT_NODE && (isSkipped(root as Element) || isInsideSkipped(root))) return;
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
        if (SKIP_TAGS.has(name) || flagged.has(el) || isCardHostName(name)) here = { owner: null };
        else if (INLINE_TAGS.has(name)) here = above;
        else here = { owner: el };
      }
      placements.set(n, here);
      above = here;
    }
    return above;
  };

  // elements that break a run of text without owning text themselves (<br>, images, code, fields…), by block
  const breaks = new Map<Element, Element[]>();
  for (const el of scope.querySelectorAll(BREAKS)) {
    const owner = (placements.get(el.parentNode!) ?? place(el.parentNode!)).owner;
    if (!owner) continue;
    const list = breaks.get(owner);
    if (list) list.push(el);
    else breaks.set(owner, [el]);
  }
  /** Whether one of the owner's breaks stands before `text` (breaks are consumed in document order). */
  const breakBefore = (text: Node, owner: Element): boolean => {
    const list = breaks.get(owner);
    if (!list) return false;
    let crossed = false;
    while (list.length && list[0].compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING) {
      list.shift();
      crossed = true;
    }
    return crossed;
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

  // visible first: from the block at the top of the viewport to the end, then from the start up to it
  const startBlock = hooks.startNear && root.contains(hooks.startNear) ? blockOf(hooks.startNear) : null;
  const phases: Node[] = startBlock && startBlock !== root ? [startBlock, root] : [root];
  const allBreaks = [...breaks].map(([owner, list]) => [owner, [...list]] as const);
  let stopAt: Node | null = null;
  for (const from of phases) {
    for (const [owner, list] of allBreaks) breaks.set(owner, [...list]);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    if (from !== root) walker.currentNode = from;
    let first = true;
    for (let node = walker.nextNode(); node && node !== stopAt; node = walker.nextNode()) {
      if (first) {
        if (from !== root) stopAt = node; // the second phase ends where the first began
        first = false;
      }
      const parent = node.parentNode!;
      const owner = (placements.get(parent) ?? place(parent)).owner;
      if (!owner) continue;
      const r = run as Block | null;
      const crossed = breaks.size > 0 && breakBefore(node, owner); // always consume the breaks passed
      if (r === null || r.element !== owner || crossed) {
        const done = close();
        if (done) yield done;
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
    const done = close();
    if (done) yield done;
  }

  // open shadow roots, on custom elements that are not inside something skipped
  for (const host of scope.querySelectorAll(CUSTOM_ELEMENTS)) {
    const shadow = host.shadowRoot;
    if (!shadow || shadow.mode !== 'open') continue;
    const placement = placements.get(host) ?? place(host);
    if (placement.owner === null || isSkipped(host)) continue;
    hooks.onShadowRoot?.(shadow);
    yield* iterateBlocks(shadow, hooks);
  }
}

export function collectBlocks(root: Node): Block[] {
  return [...iterateBlocks(root)];
}
