// viewer: the pages of an open PDF, drawn on demand. Every page has a placeholder of its size from the start (so
// the scroll bar is right at once); only pages near the viewport are drawn — a canvas and pdf.js's selectable
// text layer — and pages far away are dropped again, so a 500-page document costs what a few pages cost.
// Zoom redraws what is in view; page navigation scrolls a page into view and resolves when it is drawn.
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type TextContent, type TextItem } from './pdfjs';

/** CSS pixels per PDF point at 100 % zoom (96 / 72), as pdf.js's own viewer uses. */
const CSS_UNITS = 96 / 72;
/** Pages drawn at most at once; the farthest from the current page are dropped first. */
const MAX_DRAWN = 10;

export interface DrawnPage {
  /** 1-based page number */
  number: number;
  /** the text layer: one <span> per text item (textDivs[i] ↔ item i) */
  layer: HTMLElement;
  textDivs: HTMLElement[];
}

export interface ViewerEvents {
  /** a page's text layer is in the document (its spans can be ranged over) */
  onDrawn(page: DrawnPage): void;
  /** a page's text layer is about to leave the document */
  onCleared(page: DrawnPage): void;
  /** a page could not be drawn (a damaged page in an otherwise readable file) */
  onPageError(number: number, error: unknown): void;
  /** the page at the middle of the viewport changed */
  onCurrentPage(number: number): void;
}

interface Slot {
  number: number;
  element: HTMLElement;
  /** page size in PDF points at scale 1 (first page's size until this page is loaded) */
  width: number;
  height: number;
  sized: boolean;
  drawing: Promise<void> | null;
  drawn: DrawnPage | null;
  /** bumped whenever the slot is cleared, so an unfinished draw knows it is stale */
  generation: number;
  cancel: (() => void) | null;
}

export class PdfViewer {
  private readonly slots: Slot[] = [];
  private readonly textCache = new Map<number, Promise<TextContent>>();
  private readonly observer: IntersectionObserver;
  private readonly nearby = new Set<Slot>();
  private current = 1;
  private zoom = 1;
  private scrollFrame = 0;
  private destroyed = false;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly pagesElement: HTMLElement,
    readonly doc: PDFDocumentProxy,
    firstPage: PDFPageProxy,
    private readonly events: ViewerEvents,
  ) {
    const [, , w, h] = firstPage.view;
    const rotated = firstPage.rotate % 180 !== 0;
    const ownerDoc = pagesElement.ownerDocument;
    for (let n = 1; n <= doc.numPages; n++) {
      const element = ownerDoc.createElement('div');
      element.className = 'page';
      element.dataset.pageNumber = String(n);
      element.setAttribute('role', 'group');
      element.setAttribute('aria-label', `Page ${n}`);
      const slot: Slot = { number: n, element, width: rotated ? h : w, height: rotated ? w : h, sized: false, drawing: null, drawn: null, generation: 0, cancel: null };
      this.slots.push(slot);
      pagesElement.append(element);
    }
    this.applySizes();
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { root: scroller, rootMargin: '100% 0px' });
    for (const slot of this.slots) this.observer.observe(slot.element);
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
  }

  get pageCount(): number {
    return this.slots.length;
  }

  get currentPage(): number {
    return this.current;
  }

  get scale(): number {
    return this.zoom;
  }

  /**
   * The page's text items, in the order of the text layer's spans (cached: one request to the worker per page;
   * without marked content every item is a TextItem).
   */
  async textItems(number: number): Promise<TextItem[]> {
    return (await this.textContent(number)).items.filter((i): i is TextItem => 'str' in i);
  }

  private textContent(number: number): Promise<TextContent> {
    let cached = this.textCache.get(number);
    if (!cached) {
      cached = this.doc.getPage(number).then((page) => page.getTextContent());
      cached.catch(() => this.textCache.delete(number));
      this.textCache.set(number, cached);
    }
    return cached;
  }

  /** The drawn page, if it is drawn now. */
  drawnPage(number: number): DrawnPage | null {
    return this.slots[number - 1]?.drawn ?? null;
  }

  /** Scrolls page `number` into view (optionally to a fraction of its height) and resolves once it is drawn. */
  async goTo(number: number, fraction = 0): Promise<DrawnPage | null> {
    const slot = this.slots[Math.min(Math.max(number, 1), this.slots.length) - 1];
    if (!slot) return null;
    this.scroller.scrollTop = slot.element.offsetTop - this.pagesElement.offsetTop + fraction * slot.element.offsetHeight;
    this.setCurrent(slot.number);
    await this.draw(slot);
    return slot.drawn;
  }

  /** Sets the zoom (1 = 100 %), keeping the current page and the place in it in view; redraws what is in view. */
  setScale(scale: number): void {
    if (scale === this.zoom) return;
    const slot = this.slots[this.current - 1];
    const fraction = slot ? (this.scroller.scrollTop - (slot.element.offsetTop - this.pagesElement.offsetTop)) / Math.max(1, slot.element.offsetHeight) : 0;
    this.zoom = scale;
    for (const s of this.slots) this.clear(s);
    this.applySizes();
    void this.goTo(this.current, Math.max(0, fraction));
    for (const s of this.nearby) void this.draw(s);
  }

  /** The zoom at which the widest page fills the scroller's width. */
  fitWidthScale(): number {
    const widest = Math.max(...this.slots.map((s) => s.width));
    return Math.max(0.25, (this.scroller.clientWidth - 32) / (widest * CSS_UNITS));
  }

  /** Drops every page and closes the document; resolves when pdf.js has let go of it (the worker is shared). */
  destroy(): Promise<void> {
    this.destroyed = true;
    this.observer.disconnect();
    this.scroller.removeEventListener('scroll', this.onScroll);
    cancelAnimationFrame(this.scrollFrame);
    for (const slot of this.slots) this.clear(slot);
    this.pagesElement.replaceChildren();
    return this.doc.destroy();
  }

  private applySizes(): void {
    for (const slot of this.slots) {
      slot.element.style.width = `${Math.floor(slot.width * CSS_UNITS * this.zoom)}px`;
      slot.element.style.height = `${Math.floor(slot.height * CSS_UNITS * this.zoom)}px`;
    }
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const slot = this.slots[Number((entry.target as HTMLElement).dataset.pageNumber) - 1];
      if (!slot) continue;
      if (entry.isIntersecting) {
        this.nearby.add(slot);
        void this.draw(slot);
      } else {
        this.nearby.delete(slot);
      }
    }
  }

  private readonly onScroll = () => {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const middle = this.scroller.scrollTop + this.scroller.clientHeight / 2 + this.pagesElement.offsetTop;
      // the slots are in order: binary search for the one at the middle of the viewport
      let lo = 0;
      let hi = this.slots.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.slots[mid].element.offsetTop <= middle) lo = mid;
        else hi = mid - 1;
      }
      this.setCurrent(lo + 1);
    });
  };

  private setCurrent(number: number): void {
    if (number === this.current) return;
    this.current = number;
    this.events.onCurrentPage(number);
  }

  private draw(slot: Slot): Promise<void> {
    if (this.destroyed || slot.drawn) return Promise.resolve();
    slot.drawing ??= this.drawNow(slot).finally(() => {
      slot.drawing = null;
    });
    return slot.drawing;
  }

  private async drawNow(slot: Slot): Promise<void> {
    const generation = slot.generation;
    const stale = () => this.destroyed || slot.generation !== generation;
    try {
      const page = await this.doc.getPage(slot.number);
      if (stale()) return;
      if (!slot.sized) {
        const [, , w, h] = page.view;
        const rotated = page.rotate % 180 !== 0;
        slot.width = rotated ? h : w;
        slot.height = rotated ? w : h;
        slot.sized = true;
        slot.element.style.width = `${Math.floor(slot.width * CSS_UNITS * this.zoom)}px`;
        slot.element.style.height = `${Math.floor(slot.height * CSS_UNITS * this.zoom)}px`;
      }
      const viewport = page.getViewport({ scale: this.zoom * CSS_UNITS });
      const doc = slot.element.ownerDocument;
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      const canvas = doc.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.setAttribute('aria-hidden', 'true');
      const layer = doc.createElement('div');
      layer.className = 'textLayer';
      slot.element.style.setProperty('--total-scale-factor', String(viewport.scale));
      const render = page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      slot.cancel = () => render.cancel();
      const content = await this.textContent(slot.number);
      if (stale()) return;
      const textLayer = new TextLayer({ textContentSource: content, container: layer, viewport });
      await textLayer.render();
      if (stale()) return;
      slot.element.replaceChildren(canvas, layer);
      slot.drawn = { number: slot.number, layer, textDivs: textLayer.textDivs };
      this.events.onDrawn(slot.drawn);
      this.evictFarPages();
      await render.promise.catch((error: unknown) => {
        if ((error as { name?: string })?.name !== 'RenderingCancelledException') throw error;
      });
    } catch (error) {
      if (!stale()) this.events.onPageError(slot.number, error);
    } finally {
      if (slot.generation === generation) slot.cancel = null;
    }
  }

  private clear(slot: Slot): void {
    slot.generation++;
    slot.cancel?.();
    slot.cancel = null;
    if (slot.drawn) this.events.onCleared(slot.drawn);
    slot.drawn = null;
    slot.element.replaceChildren();
  }

  private evictFarPages(): void {
    const drawn = this.slots.filter((s) => s.drawn);
    if (drawn.length <= MAX_DRAWN) return;
    drawn.sort((a, b) => Math.abs(b.number - this.current) - Math.abs(a.number - this.current));
    for (const slot of drawn.slice(0, drawn.length - MAX_DRAWN)) if (!this.nearby.has(slot)) this.clear(slot);
  }
}
