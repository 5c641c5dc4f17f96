// observe: one MutationObserver for the document (and each open shadow root). Records are batched and
// flushed at most every FLUSH_MS, so a page that mutates nonstop costs a bounded amount of work.
import { CARD_HOST_TAG } from '@/components/card-host';
import { blockOf } from './collect';

export const FLUSH_MS = 100;
/** Past this many records in one batch, one full rescan is cheaper than following each record. */
export const BURST_LIMIT = 1000;

export interface ChangeBatch {
  /** the smallest set of blocks to rescan (none is inside another) */
  blocks: Set<Element>;
  removed: boolean;
  /** so many changes that the whole document should be rescanned once */
  burst: boolean;
}

const isOwnUi = (node: Node) => node.nodeName === CARD_HOST_TAG.toUpperCase();

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
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.observer.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }

  private queue(records: MutationRecord[]): void {
    if (this.overflow) return;
    for (const r of records) {
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOwnUi)) continue;
      this.pending.push(r);
    }
    if (this.pending.length > BURST_LIMIT) {
      this.overflow = true;
      this.pending = [];
    }
    if (!this.timer && (this.pending.length || this.overflow)) {
      const wait = Math.max(0, FLUSH_MS - (performance.now() - this.lastFlush));
      this.timer = setTimeout(() => this.flush(), Math.min(wait, FLUSH_MS));
    }
  }

  /** Turns the queued records into a batch now (also used by tests). */
  flush(): void {
    this.timer = null;
    this.lastFlush = performance.now();
    const records = this.pending.splice(0);
    if (this.overflow) {
      this.overflow = false;
      this.onChanges({ blocks: new Set(), removed: true, burst: true });
      return;
    }
    const targets = new Set<Element>();
    let removed = false;
    for (const r of records) {
      if (r.removedNodes.length) removed = true;
      const block = blockOf(r.target);
      if (block && block.isConnected) targets.add(block);
    }
    this.onChanges({ blocks: outermost(targets), removed, burst: false });
  }
}

/** Drops every block that has an ancestor in the set. */
export function outermost(blocks: Set<Element>): Set<Element> {
  const out = new Set<Element>();
  for (const b of blocks) {
    let inside = false;
    for (let p = b.parentElement; p; p = p.parentElement) {
      if (blocks.has(p)) {
        inside = true;
        break;
      }
    }
    if (!inside) out.add(b);
  }
  return out;
}
