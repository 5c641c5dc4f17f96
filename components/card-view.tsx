// card-view: the hover card on a page — its host element, its Preact tree, its place next to the term, and its
// teardown. The content script (cards on web pages) and the explainer page (cards on term links) share it; when a
// card opens and closes is decided by the input controllers that drive it, never here.
import { render } from 'preact';
import type { CardData, Lang } from '@/glossary/runtime/types';
import { attachCardHost, createCardHost, detachCardHost, type CardHost, type HostPlacement } from './card-host';
import { placeCard, type CardAnchor } from './card-placement';
import { HoverCard } from './HoverCard';

/** The words of the cards, by term id; on web pages they arrive from the background as needed. */
export interface CardTexts {
  /** every card text here so far */
  readonly cards: CardData;
  /** Makes sure the card of `id` and the titles of its related terms are in `cards`. Never rejects. */
  ensure(id: string): Promise<void>;
}

/** Card texts that are all bundled already (extension pages). */
export function bundledCardTexts(cards: CardData): CardTexts {
  return { cards, ensure: () => Promise.resolve() };
}

export interface CardViewOptions {
  texts: CardTexts;
  /** the href of the card's "Read the full explainer" link */
  explainerHref: (id: string) => string;
  /** the reader followed that link (its default action is already prevented) */
  openExplainer: (id: string, lang: Lang) => void;
  /** the reader pressed the card's close button */
  onCloseButton: () => void;
  /** the reader switched the card's language */
  onLangChange?: (lang: Lang) => void;
}

/**
 * What to show: a term's card next to its anchor, in a language; `keyboard` adds the keyboard hint; `still` leaves
 * out the card's appear animation (HoverCard).
 */
export interface CardRequest {
  id: string;
  anchor: CardAnchor;
  lang: Lang;
  keyboard?: boolean;
  still?: boolean;
}

type Listener = { type: string; listener: (e: Event) => void; signal: AbortSignal };

export class CardView {
  private host: CardHost | null = null;
  /** how far in the host goes (card-host.ts): further in for good once the page removed it from <body> */
  private placement: HostPlacement = 'body';
  /** notices the page removing the host while a card is showing */
  private removal: MutationObserver | null = null;
  private shown: Required<CardRequest> | null = null;
  private stopPlacing: (() => void) | null = null;
  private destroyed = false;
  private readonly listeners: Listener[] = [];

  constructor(
    private readonly doc: Document,
    private readonly options: CardViewOptions,
  ) {}

  /**
   * Shows the card of `request.id` next to its anchor, putting the host into the document (card-host.ts says
   * where). Returns false, showing nothing, when that card's text is not here or the view was destroyed.
   */
  show(request: CardRequest): boolean {
    if (this.destroyed || !this.options.texts.cards[request.id]) return false;
    const moved = !this.stopPlacing || this.shown?.anchor !== request.anchor || !this.host?.element.isConnected;
    // read before the card changes the page, while its layout is still clean (placeCard)
    const anchorRect = moved ? request.anchor.getBoundingClientRect() : undefined;
    this.shown = { ...request, keyboard: !!request.keyboard, still: !!request.still };
    this.attach();
    this.render();
    if (moved) this.place(anchorRect);
    return true;
  }

  /** Shows the open card in another language. */
  setLang(lang: Lang): void {
    if (!this.shown) return;
    this.shown.lang = lang;
    this.render();
  }

  /** The id of the term whose card is showing (a related term's, after the reader chose one), or null. */
  get shownId(): string | null {
    return this.shown?.id ?? null;
  }

  /** True while a card is on the page (shown, and its host still in the document). */
  get isShowing(): boolean {
    return !!this.shown && !!this.host?.element.isConnected;
  }

  /** Removes the card and takes its host out of the document (it is kept for the next card). */
  hide(): void {
    this.shown = null;
    this.stopPlacing?.();
    this.stopPlacing = null;
    this.removal?.disconnect();
    if (!this.host) return;
    render(null, this.host.mount);
    detachCardHost(this.host.element);
  }

  /** Removes the card and its host for good; later calls to show() show nothing. */
  destroy(): void {
    this.hide();
    this.destroyed = true;
    this.host = null;
  }

  /** True when `event` happened inside the card. */
  contains(event: Event): boolean {
    return !!this.host && event.composedPath().includes(this.host.element);
  }

  /** True when `node` is the host or inside the card (focus moving into the card reports the host). */
  owns(node: EventTarget | null): boolean {
    if (!this.host || !(node instanceof Node)) return false;
    return node === this.host.element || this.host.shadow.contains(node);
  }

  /** Listens to `type` events inside the card (pointerenter, pointerleave, focusout…) until `signal` aborts. */
  listen<K extends keyof HTMLElementEventMap>(type: K, listener: (e: HTMLElementEventMap[K]) => void, signal: AbortSignal): void {
    const entry = { type, listener: listener as (e: Event) => void, signal };
    this.listeners.push(entry);
    if (this.host) this.host.mount.addEventListener(type, entry.listener, { signal });
  }

  /** The card's dialog element, when a card is showing. */
  get cardElement(): HTMLElement | null {
    return this.shown ? (this.host?.shadow.querySelector<HTMLElement>('.card') ?? null) : null;
  }

  /** The element focused inside the card, if any. */
  get focused(): Element | null {
    return this.host?.shadow.activeElement ?? null;
  }

  /** The card's own controls, in tab order. */
  focusables(): HTMLElement[] {
    return this.cardElement ? [...this.cardElement.querySelectorAll<HTMLElement>('a[href], button')] : [];
  }

  /** Moves focus to the card itself (a screen reader then reads its title). */
  focus(): void {
    this.cardElement?.focus({ preventScroll: true });
  }

  private ensureHost(): CardHost {
    if (this.host) return this.host;
    const host = createCardHost(this.doc);
    for (const { type, listener, signal } of this.listeners) {
      if (!signal.aborted) host.mount.addEventListener(type, listener, { signal });
    }
    this.host = host;
    return host;
  }

  /** Puts the host where the shown card's term is (card-host.ts), and watches for the page removing it. */
  private attach(): void {
    const host = this.ensureHost().element;
    const anchor = this.shown?.anchor;
    const near = anchor instanceof Node ? anchor : (anchor?.contextElement ?? null);
    attachCardHost(this.doc, host, near, this.placement);
    this.removal?.disconnect();
    const parent = host.parentNode;
    if (!parent) return;
    this.removal ??= new MutationObserver(() => this.onRemoved());
    this.removal.observe(parent, { childList: true });
  }

  /**
   * The page took the host out while a card was showing (a script that removes what it does not know from
   * <body>): the host goes one level further in, for this card and the next ones. Once only: a page that removes
   * it from there too gets no card until the next one opens.
   */
  private onRemoved(): void {
    const host = this.host?.element;
    if (!host || !this.shown || host.isConnected) return;
    this.removal?.disconnect();
    if (this.placement === 'inside') return;
    this.placement = 'inside';
    this.attach();
    this.place();
  }

  private render(): void {
    const shown = this.shown;
    const card = shown && this.options.texts.cards[shown.id];
    if (!shown || !card) return;
    const host = this.ensureHost();
    render(
      <HoverCard
        card={card}
        cards={this.options.texts.cards}
        lang={shown.lang}
        keyboard={shown.keyboard}
        still={shown.still}
        explainerHref={this.options.explainerHref(card.id)}
        onLang={(lang) => {
          this.setLang(lang);
          this.options.onLangChange?.(lang);
        }}
        onRelated={(id) => void this.showRelated(id)}
        onClose={() => this.options.onCloseButton()}
        onOpenExplainer={(e) => {
          e.preventDefault();
          this.options.openExplainer(card.id, shown.lang);
        }}
      />,
      host.mount,
    );
  }

  /** A related term's card replaces this one in place, with focus on it. */
  private async showRelated(id: string): Promise<void> {
    await this.options.texts.ensure(id);
    if (!this.shown || !this.options.texts.cards[id]) return;
    this.shown.id = id;
    this.render();
    this.focus();
  }

  /** `anchorRect`: the term's rect, read before the card was put in the page (placeCard). */
  private place(anchorRect?: { left: number; bottom: number }): void {
    this.stopPlacing?.();
    this.stopPlacing = null;
    const el = this.cardElement;
    if (el && this.shown) this.stopPlacing = placeCard(this.shown.anchor, el, anchorRect);
  }
}
