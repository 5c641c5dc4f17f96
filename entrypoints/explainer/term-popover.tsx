// Hover cards for the term links inside articles (`<a data-term="id">`): the same HoverCard the content
// script shows on web pages, in its own shadow root (its CSS is written for one), placed next to the link.
// Opens after hover intent or at once on keyboard focus; stays while the pointer is on the link or the card;
// closes shortly after it leaves both, when focus moves on, or on Escape.
import { render } from 'preact';
import { HoverCard } from '@/components/HoverCard';
import { HoverTimers, createCardHost, placeCard } from '@/components/card-host';
import type { CardData, Lang } from '@/glossary/runtime/types';

const CLOSE_GRACE_MS = 300;
const LINK_SELECTOR = 'a[data-term]';

export interface TermPopoverOptions {
  cards: CardData;
  lang: () => Lang;
  hoverDelay: number;
  /** go to a term's article on this page */
  navigate: (id: string) => void;
}

export class TermPopover {
  private host: HTMLElement | null = null;
  private mount: HTMLDivElement | null = null;
  private link: HTMLAnchorElement | null = null;
  private shownId = '';
  private shownLang: Lang = 'en';
  private readonly timers = new HoverTimers();
  private overCard = false;
  private stopAutoUpdate: (() => void) | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly root: HTMLElement,
    private readonly options: TermPopoverOptions,
  ) {
    const signal = this.abort.signal;
    root.addEventListener('pointerover', (e) => this.onPointerOver(e), { signal });
    root.addEventListener('pointerout', (e) => this.onPointerOut(e), { signal });
    root.addEventListener('focusin', (e) => this.onFocusIn(e), { signal });
    root.addEventListener('focusout', (e) => this.onFocusOut(e), { signal });
    document.addEventListener('keydown', (e) => this.onKeyDown(e), { signal });
  }

  get openId(): string | null {
    return this.link ? this.shownId : null;
  }

  destroy(): void {
    this.abort.abort();
    this.close();
    this.host?.remove();
    this.host = null;
  }

  close(): void {
    this.timers.cancelOpen();
    this.timers.cancelClose();
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.link = null;
    this.overCard = false;
    if (this.mount) render(null, this.mount);
  }

  private linkOf(target: EventTarget | null): HTMLAnchorElement | null {
    if (!(target instanceof Element)) return null;
    const link = target.closest<HTMLAnchorElement>(LINK_SELECTOR);
    return link && this.root.contains(link) && this.options.cards[link.dataset.term ?? ''] ? link : null;
  }

  private onPointerOver(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    const link = this.linkOf(e.target);
    if (!link) return;
    if (link === this.link) {
      this.timers.cancelClose();
      return;
    }
    this.timers.openAfter(this.options.hoverDelay, () => this.show(link));
  }

  private onPointerOut(e: PointerEvent): void {
    const link = this.linkOf(e.target);
    if (!link || (e.relatedTarget instanceof Node && link.contains(e.relatedTarget))) return;
    if (link !== this.link) this.timers.cancelOpen();
    else this.scheduleClose();
  }

  private onFocusIn(e: FocusEvent): void {
    const link = this.linkOf(e.target);
    if (link && link !== this.link) {
      this.timers.cancelOpen();
      this.show(link);
    }
  }

  private onFocusOut(e: FocusEvent): void {
    if (!this.link || e.target !== this.link) return;
    const next = e.relatedTarget;
    if (next instanceof Node && this.host?.contains(next)) return;
    if (!this.overCard) this.close();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.link) return;
    e.preventDefault();
    const focusInCard = this.host?.shadowRoot?.activeElement != null;
    const link = this.link;
    this.close();
    if (focusInCard) link.focus();
  }

  private show(link: HTMLAnchorElement): void {
    this.timers.cancelOpen();
    this.timers.cancelClose();
    this.link = link;
    this.shownId = link.dataset.term ?? '';
    this.shownLang = this.options.lang();
    this.ensureHost();
    this.renderCard();
    this.place();
  }

  private scheduleClose(): void {
    this.timers.cancelClose();
    this.timers.closeAfter(CLOSE_GRACE_MS, () => {
      if (!this.overCard && !(this.link && this.link === document.activeElement)) this.close();
    });
  }

  private ensureHost(): void {
    if (this.host?.isConnected) return;
    const { host, shadow, mount } = createCardHost(document);
    mount.addEventListener('pointerenter', () => {
      this.overCard = true;
      this.timers.cancelClose();
    });
    mount.addEventListener('pointerleave', () => {
      this.overCard = false;
      if (this.link) this.scheduleClose();
    });
    mount.addEventListener('focusout', (e) => {
      const next = e.relatedTarget;
      if (next instanceof Node && (shadow.contains(next) || next === this.link)) return;
      if (!this.overCard) this.close();
    });
    document.body.append(host);
    this.host = host;
    this.mount = mount;
  }

  private renderCard(): void {
    const card = this.options.cards[this.shownId];
    if (!card || !this.mount) return;
    const id = card.id;
    render(
      <HoverCard
        card={card}
        cards={this.options.cards}
        lang={this.shownLang}
        explainerHref={`#${id}`}
        onLang={(lang) => {
          this.shownLang = lang;
          this.renderCard();
        }}
        onRelated={(related) => {
          this.shownId = related;
          this.renderCard();
          this.cardElement()?.focus({ preventScroll: true });
        }}
        onClose={() => {
          const link = this.link;
          this.close();
          link?.focus();
        }}
        onOpenExplainer={(e) => {
          e.preventDefault();
          this.close();
          this.options.navigate(id);
        }}
      />,
      this.mount,
    );
  }

  private cardElement(): HTMLElement | null {
    return this.host?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
  }

  private place(): void {
    const el = this.cardElement();
    const link = this.link;
    if (!el || !link) return;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = placeCard(link, el);
  }
}
