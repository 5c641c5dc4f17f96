// observe: one MutationObserver for the document (and each open shadow root it is given). Records are batched
// and flushed at most every FLUSH_MS, and turned into the smallest set of subtrees whose text can have changed:
// an element added whole is rescanned alone (a toast, a feed item, a modal), not its parent; a change to a run of
// text rescans that run's block; an attribute that decides whether text is scanned at all (`hidden`,
// `contenteditable`) coming or going resets the marks of its element's block (an accordion opened, an element made
// an editor). Churn at the <html>/<body> level and bursts ask for one full rescan, which the highlighter
// throttles, so a page that mutates nonstop costs a bounded amount of work.
import { isCardHostName } from '@/components/card-host';
import { blockOf, isInline } from '@/components/page/collect';

export const FLUSH_MS = 100;
/** Past this many records in one batch, one full rescan is cheaper than following each record. */
export const BURST_LIMIT = 1000;

/** Attributes that decide whether an element's text is scanned (see collect). */
export const SCAN_ATTRIBUTES = ['hidden', 'contenteditable'];

export interface ChangeBatch {
  /** subtrees to rescan, none inside another: blocks whose text changed, and elements added whole */
  roots: Set<Element>;
  /** subtrees whose marks are all to be dropped before they are rescanned: whether they are scanned changed */
  reset: Set<Element>;
  /** something left the document: the ranges of blocks no longer in it are to be dropped */
  removed: boolean;
  /** rescan the whole document once: a burst of records, or text changed right inside <body> or <html> */
  full: boolean;
}

const isOwnUi = (node: Node) => node.nodeType === Node.ELEMENT_NODE && isCardHostName((node as Element).localName);

/** A node that is part of its block's run of text: words, or an inline element (which may hold some, or be the
 *  place a change happened). */
function isPartOfText(node: Node | null): boolean {
  if (!node) return false;
  if (node.nodeType === Node.TEXT_NODE) return /\S/.test((node as Text).data);
  return node.nodeType === Node.ELEMENT_NODE && isInline(node as Element);
}

/**
 * Whether a childList record changes a run of text of the target's block: text or inline elements came or went
 * (or the target itself is inline), or block elements now split a run in two, or no longer do. What is added is
 * judged by its neighbours now (the DOM that will be scanned), looking past other nodes added in the same batch;
 * what was removed, by the neighbours it left.
 */
function changesTextRun(r: MutationRecord, added: Set<Node>): boolean {
  if (isPartOfText(r.target) || [...r.addedNodes, ...r.removedNodes].some(isPartOfText)) return true;
  if (r.removedNodes.length && isPartOfText(r.previousSibling) && isPartOfText(r.nextSibling)) return true;
  for (const n of r.addedNodes) {
    if (n.parentNode !== r.target) continue;
    let before = n.previousSibling;
    while (before && added.has(before)) before = before.previousSibling;
    let after = n.nextSibling;
    while (after && added.has(after)) after = after.nextSibling;
    if (isPartOfText(before) && isPartOfText(after)) return true;
  }
  return false;
}

export class DomObserver {
  private readonly observer: MutationObserver;
  private pending: MutationRecord[] = [];
  private overflow = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = 0;

  constructor(private readonly onChanges: (batch: ChangeBatch) => void) {
    this.observer = new MutationObserver((records) => this.queue(records));
  }

  observe(root: Node): void {
    this.observer.observe(root, { childList: true, subtree: true, characterData: true, attributeFilter: SCAN_ATTRIBUTES });
  }

  disconnect(): void {
    this.observer.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }

  /** Keeps the records that are not about our own card host; past BURST_LIMIT, only that there were many. */
  private take(records: MutationRecord[]): void {
    if (this.overflow) return;
    for (const r of records) {
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOwnUi)) continue;
      this.pending.push(r);
    }
    if (this.pending.length > BURST_LIMIT) {
      this.overflow = true;
      this.pending = [];
    }
  }

  private queue(records: MutationRecord[]): void {
    this.take(records);
    if (!this.timer && (this.pending.length || this.overflow)) {
      const wait = Math.max(0, FLUSH_MS - (performance.now() - this.lastFlush));
      this.timer = setTimeout(() => this.flush(), Math.min(wait, FLUSH_MS));
    }
  }

  /** Turns the records queued so far into one batch now, instead of at the next flush (tests call it). */
  flush(): void {
    this.take(this.observer.takeRecords());
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastFlush = performance.now();
    const records = this.pending.splice(0);
    if (!records.length && !this.overflow) return;
    if (this.overflow) {
      this.overflow = false;
      this.onChanges({ roots: new Set(), reset: new Set(), removed: true, full: true });
      return;
    }
    const roots = new Set<Element>();
    const reset = new Set<Element>();
    const added = new Set<Node>(records.flatMap((r) => [...r.addedNodes]));
    let removed = false;
    let full = false;
    const add = (el: Element | null) => {
      if (el?.isConnected) roots.add(el);
    };
    for (const r of records) {
      if (r.type === 'characterData') {
        add(blockOf(r.target));
        continue;
      }
      if (r.type === 'attributes') {
        const el = r.target as Element;
        if (isOwnUi(el)) continue;
        // an inline element's text belongs to its block's runs; a block's text only to itself
        const block = isInline(el) ? blockOf(el) : el;
        if (!block?.isConnected) continue;
        if (block === block.ownerDocument.body || block === block.ownerDocument.documentElement) full = true;
        else {
          roots.add(block);
          reset.add(block);
        }
        continue;
      }
      if (r.removedNodes.length) removed = true;
      const target = r.target;
      const doc = target.ownerDocument;
      if (!doc || target === doc.documentElement) {
        full = true; // <html> replaced, or its <head>/<body> swapped
        continue;
      }
      if (changesTextRun(r, added)) {
        const block = target instanceof ShadowRoot ? target.host : blockOf(target);
        if (!block || block === doc.body || block === doc.documentElement) full = true;
        else add(block);
      }
      for (const node of r.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element) && !isOwnUi(node)) add(node as Element);
      }
    }
    this.onChanges({ roots: outermost(roots), reset: outermost(reset), removed, full });
  }
}

/** Drops every element that has an ancestor in the set. */
export function outermost(elements: Set<Element>): Set<Element> {
  const out = new Set<Element>();
  for (const el of elements) {
    let inside = false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (elements.has(p)) {
        inside = true;
        break;
      }
    }
    if (!inside) out.add(el);
  }
  return out;
}
