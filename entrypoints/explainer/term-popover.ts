// term-popover: hover cards for the term links inside articles (`<a data-term="id">`), drawn by the same card
// view as on web pages. Opens after hover intent (HoverIntent, WCAG 2.2 SC 1.4.13) or at once when the link gets
// keyboard focus; stays while the pointer is on the link or the card, or the link has focus; closes shortly
// after the pointer left both, when focus moves on, or on Escape.
import { CardView, bundledCardTexts } from '@/components/card-view';
import { HoverIntent } from '@/components/hover-intent';
import { HoverTimers } from '@/components/hover-timers';
import type { CardData, Lang } from '@/glossary/runtime/types';

const LINK_SELECTOR = 'a[data-term]';

export interface TermPopoverOptions {
  cards: CardData;
  lang: () => Lang;
  hoverDelay: number;
  /** go to a term's article on this page */
  navigate: (id: string) => void;
}

export class TermPopover {
  private readonly view: CardView;
  private readonly timers = new HoverTimers();
  private readonly intent: HoverIntent<HTMLAnchorElement>;
  private readonly abort = new AbortController();
  /** the link whose card is open */
  private link: HTMLAnchorElement | null = null;
  /** the link focus is being given back to after its card closed (focusing it must not reopen the card) */
  private refocusing: HTMLAnchorElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly options: TermPopoverOptions,
  ) {
    const doc = root.ownerDocument;
    this.view = new CardView(doc, {
      texts: bundledCardTexts(options.cards),
      explainerHref: (id) => `#${id}`,
      openExplainer: (id) => {
        this.close();
        options.navigate(id);
      },
      onCloseButton: () => {
        const link = this.link;
        this.close();
        if (link) this.giveFocusBack(link);
      },
    });
    this.intent = new HoverIntent({
      timers: this.timers,
      delay: () => options.hoverDelay,
      shown: () => this.link,
      open: (link) => this.show(link),
      close: () => this.close(),
      keepOpen: () => !!this.link && this.link === doc.activeElement,
    });

    const signal = this.abort.signal;
    root.addEventListener('pointerover', (e) => {
      const link = this.linkOf(e.target);
      if (link && e.pointerType !== 'touch') this.intent.pointerAt(link);
    }, { signal });
    root.addEventListener('pointerout', (e) => {
      const link = this.linkOf(e.target);
      if (link && !(e.relatedTarget instanceof Node && link.contains(e.relatedTarget))) this.intent.pointerAt(null);
    }, { signal });
    root.addEventListener('focusin', (e) => {
      const link = this.linkOf(e.target);
      if (link && link !== this.link && link !== this.refocusing) this.show(link);
    }, { signal });
    root.addEventListener('focusout', (e) => {
      if (!this.link || e.target !== this.link || this.view.owns(e.relatedTarget)) return;
      if (!this.intent.pointerIsOnCard) this.close();
    }, { signal });
    doc.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !this.link) return;
      e.preventDefault();
      const focusInCard = this.view.focused !== null;
      const link = this.link;
      this.close();
      if (focusInCard) this.giveFocusBack(link);
    }, { signal });
    this.view.listen('pointerenter', () => this.intent.pointerOnCard(true), signal);
    this.view.listen('pointerleave', () => this.intent.pointerOnCard(false), signal);
    this.view.listen('focusout', (e) => {
      if (this.view.owns(e.relatedTarget) || e.relatedTarget === this.link) return;
      if (!this.intent.pointerIsOnCard) this.close();
    }, signal);
  }

  close(): void {
    this.timers.cancel();
    this.link = null;
    this.view.hide();
  }

  destroy(): void {
    this.abort.abort();
    this.close();
    this.view.destroy();
  }

  private giveFocusBack(link: HTMLAnchorElement): void {
    this.refocusing = link;
    link.focus();
    this.refocusing = null;
  }

  private linkOf(target: EventTarget | null): HTMLAnchorElement | null {
    if (!(target instanceof Element)) return null;
    const link = target.closest<HTMLAnchorElement>(LINK_SELECTOR);
    return link && this.root.contains(link) && this.options.cards[link.dataset.term ?? ''] ? link : null;
  }

  private show(link: HTMLAnchorElement): void {
    this.timers.cancel();
    if (this.view.show({ id: link.dataset.term ?? '', anchor: link, lang: this.options.lang() })) this.link = link;
  }
}
