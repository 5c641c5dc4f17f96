// card-view: the hover card on a page — its host element, its Preact tree, its place next to the term, and its
// teardown. The content script (cards on web pages) and the explainer page (cards on term links) share it; when a
// card opens and closes is decided by the input controllers that drive it, never here.
import { render } from 'preact';
import type { CardData, Lang } from '@/glossary/runtime/types';
import { attachCardHost, createCardHost, type CardHost } from './card-host';
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

/** What to show: a term's card next to its anchor, in a language; `keyboard` adds the keyboard hint. */
export interface CardRequest {
  id: string;
  anchor: CardAnchor;
  lang: Lang;
  keyboard?: boolean;
}

type Listener = { type: string; listener: (e: Event) => void; signal: AbortSignal };

export class CardView {
  private host: CardHost | null = null;
  private shown: Required<CardRequest> | null = null;
  private stopPlacing: (() => void) | null = null;
  private destroyed = false;
  private readonly listeners: Listener[] = [];

  constructor(
    private readonly doc: Document,
    private readonly options: CardViewOptions,
  ) {}

  /**
   * Shows the card of `request.id` next to its anchor, creating the host on first use. Returns false, showing
   * nothing, when that card's text is not here or the view was destroyed.
   */
  show(request: CardRequest): boolean {
    if (this.destroyed || !this.options.texts.cards[request.id]) return false;
    const moved = !this.stopPlacing || this.shown?.anchor !== request.anchor;
    this.shown = { ...request, keyboard: !!request.keyboard };
    this.render();
    if (moved) this.place();
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

  /** Removes the card; the host element stays for the next one. */
  hide(): void {
    this.shown = null;
    this.stopPlacing?.();
    this.stopPlacing = null;
    if (this.host) render(null, this.host.mount);
  }

  /** Removes the card and its host for good; later calls to show() show nothing. */
  destroy(): void {
    this.hide();
    this.destroyed = true;
    this.host?.element.remove();
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
    if (this.host) {
      if (!this.host.element.isConnected) attachCardHost(this.doc, this.host.element);
      return this.host;
    }
    const host = createCardHost(this.doc);
    for (const { type, listener, signal } of this.listeners) {
      if (!signal.aborted) host.mount.addEventListener(type, listener, { signal });
    }
    attachCardHost(this.doc, host.element);
    this.host = host;
    return host;
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

  private place(): void {
    this.stopPlacing?.();
    this.stopPlacing = null;
    const el = this.cardElement;
    if (el && this.shown) this.stopPlacing = placeCard(this.shown.anchor, el);
  }
}
