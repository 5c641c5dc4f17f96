// card: the hover card's behaviour on the page. One <legal-lens-ui> host with an open shadow root, created on
// first use; one Preact tree inside it. Timing follows WCAG 2.2 SC 1.4.13 and Wikipedia's page previews:
// open after hover intent, stay while the pointer is on the term or the card, close ~300 ms after it leaves
// both, never on a timer otherwise; Escape dismisses without moving the pointer.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HoverCard } from '@/components/HoverCard';
import { pickLang } from '@/components/card-strings';
import { HoverTimers, createCardHost, placeCard } from '@/components/card-host';
import type { CardData, Lang } from '@/glossary/runtime/types';
import type { Settings } from '@/utils/settings';
import { findTermAt, isInViewport, rectAt } from './hit-test';
import type { TermHighlighter } from './highlighter';
import { liveRange, type PaintedMatch } from './paint';

export const CLOSE_GRACE_MS = 300;

interface OpenCard {
  match: PaintedMatch;
  /** the term shown, which differs from match.id after a related term was chosen */
  id: string;
  rect: DOMRect;
  keyboard: boolean;
}

export class CardController {
  private host: HTMLElement | null = null;
  private mount: HTMLDivElement | null = null;
  private open: OpenCard | null = null;
  private lang: Lang;
  private settings: Settings;
  private frame = 0;
  private pointer: { x: number; y: number } | null = null;
  private candidate: PaintedMatch | null = null;
  private overCard = false;
  private stopAutoUpdate: (() => void) | null = null;
  private returnFocus: HTMLElement | null = null;
  private readonly abort = new AbortController();
  private readonly timers: HoverTimers;
  /** mouse, pen or touch: a tap opens a card where a click would not */
  private lastPointerType = '';
  /** card texts fetched from the background so far (the content script does not bundle them) */
  private readonly cards: CardData = {};

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly highlighter: TermHighlighter,
    private readonly loadCards: (ids: string[]) => Promise<CardData>,
    settings: Settings,
  ) {
    this.settings = settings;
    this.lang = pickLang(settings.language, document.documentElement.lang);
    this.timers = new HoverTimers((run, ms) => ctx.setTimeout(run, ms)); // nothing fires after invalidation
    const opts = { capture: true, passive: true, signal: this.abort.signal };
    document.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    document.addEventListener('pointerdown', (e) => this.onPointerDown(e), { capture: true, signal: this.abort.signal });
    document.addEventListener('click', (e) => this.onClick(e), { capture: true, signal: this.abort.signal });
    document.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal: this.abort.signal });
    // the pointer left the window (relatedTarget is null only then)
    document.addEventListener('pointerout', (e) => e.relatedTarget === null && e.pointerType !== 'touch' && this.onPointerAway(), opts);
    ctx.onInvalidated(() => this.destroy());
  }

  applySettings(settings: Settings): void {
    this.settings = settings;
    this.lang = pickLang(settings.language, document.documentElement.lang);
    this.renderCard();
  }

  /** After a repaint: close the card if its term is gone. */
  onRepaint(): void {
    if (this.open && !this.highlighter.painter.isPainted(this.open.match)) this.close();
  }

  destroy(): void {
    this.abort.abort();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.close();
    this.host?.remove();
    this.host = null;
  }

  // ── pointer ──────────────────────────────────────────────────────────────────────────────────────────

  private onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    if (this.isCardEvent(e)) {
      this.overCard = true;
      this.timers.cancelClose();
      return;
    }
    this.overCard = false;
    this.pointer = { x: e.clientX, y: e.clientY };
    if (!this.frame) this.frame = requestAnimationFrame(() => this.checkPointer());
  }

  private onPointerAway(): void {
    this.pointer = null;
    this.timers.cancelOpen();
    if (this.open && !this.overCard) this.scheduleClose();
  }

  /** At most once per animation frame: what term is under the pointer now? */
  private checkPointer(): void {
    this.frame = 0;
    const p = this.pointer;
    if (!p) return;
    const hit = findTermAt(document, p.x, p.y, this.highlighter.painter, this.highlighter.openShadowRoots);
    if (hit) {
      if (this.open && this.open.match === hit.match) {
        this.timers.cancelClose();
        return;
      }
      // on another term: the open card waits for the new one instead of closing
      this.timers.cancelClose();
      if (this.candidate !== hit.match) {
        this.candidate = hit.match;
        void this.ensureCards(hit.match.id); // fetch the text during the hover delay, not after it
        this.timers.openAfter(this.settings.hoverDelay, () => {
          const still = this.pointer && rectAt(hit.match.range, this.pointer.x, this.pointer.y);
          if (still) void this.show(hit.match, still, false);
        });
      }
      return;
    }
    this.candidate = null;
    this.timers.cancelOpen();
    if (this.open && !this.overCard) this.scheduleClose();
  }

  private isCardEvent(e: Event): boolean {
    return !!this.host && e.composedPath().includes(this.host);
  }

  // ── touch ────────────────────────────────────────────────────────────────────────────────────────────

  private onPointerDown(e: PointerEvent): void {
    this.lastPointerType = e.pointerType;
    if (this.isCardEvent(e)) return;
    if (e.pointerType !== 'mouse' && this.open) {
      const hit = findTermAt(document, e.clientX, e.clientY, this.highlighter.painter, this.highlighter.openShadowRoots);
      if (!hit || hit.match !== this.open.match) this.close();
    } else if (e.pointerType === 'mouse' && this.open && !this.overCard) {
      const hit = findTermAt(document, e.clientX, e.clientY, this.highlighter.painter, this.highlighter.openShadowRoots);
      if (!hit) this.close();
    }
  }

  /** A tap on a term opens its card; a second tap on the same term does what the page would (follow a link). */
  private onClick(e: MouseEvent): void {
    if (this.lastPointerType !== 'touch' && this.lastPointerType !== 'pen') return;
    if (this.isCardEvent(e)) return;
    const hit = findTermAt(document, e.clientX, e.clientY, this.highlighter.painter, this.highlighter.openShadowRoots);
    if (!hit) return;
    if (this.open?.match === hit.match) return; // second tap: let the page have it
    e.preventDefault();
    e.stopPropagation();
    void this.show(hit.match, hit.rect, false);
  }

  // ── keyboard ─────────────────────────────────────────────────────────────────────────────────────────

  private onKeyDown(e: KeyboardEvent): void {
    if (!this.open) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.close(true);
      return;
    }
    const inCard = this.isCardEvent(e);
    if (inCard && e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      e.stopPropagation();
      this.step(e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (inCard && e.key === 'Enter' && this.shadowFocus() === this.cardElement()) {
      e.preventDefault();
      this.openExplainer(this.open.id);
      return;
    }
    if (inCard && e.key === 'Tab') this.trapTab(e);
  }

  /** The browser command: open the card of the first term visible in the viewport, with focus in it. */
  focusFirstVisible(): void {
    const matches = this.highlighter.painter.paintedMatches();
    const first = matches.find((m) => isInViewport(m.range, window)) ?? matches[0];
    if (!first) return;
    if (!this.open) this.returnFocus = document.activeElement as HTMLElement | null;
    this.showByKeyboard(first);
  }

  private step(direction: 1 | -1): void {
    if (!this.open) return;
    const matches = this.highlighter.painter.paintedMatches();
    const i = matches.indexOf(this.open.match);
    const next = matches[(i + direction + matches.length) % matches.length];
    if (next) this.showByKeyboard(next);
  }

  private showByKeyboard(match: PaintedMatch): void {
    const target = match.range.startContainer.parentElement;
    if (!isInViewport(match.range, window)) {
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      target?.scrollIntoView({ block: 'center', behavior: reduce ? 'instant' : 'auto' });
    }
    const live = liveRange(match.range);
    const rect = live.getClientRects()[0] ?? live.getBoundingClientRect();
    void this.show(match, rect, true).then(() => this.cardElement()?.focus({ preventScroll: true }));
  }

  private trapTab(e: KeyboardEvent): void {
    const root = this.host?.shadowRoot;
    if (!root) return;
    const items = [...root.querySelectorAll<HTMLElement>('a[href], button')];
    if (!items.length) return;
    const current = this.shadowFocus();
    const i = current ? items.indexOf(current) : -1;
    const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
    e.preventDefault();
    items[next].focus();
  }

  // ── open, place, close ───────────────────────────────────────────────────────────────────────────────

  private async show(match: PaintedMatch, rect: DOMRect, keyboard: boolean): Promise<void> {
    await this.ensureCards(match.id);
    this.timers.cancelOpen();
    this.timers.cancelClose();
    const keepFocus = keyboard || !!this.open?.keyboard;
    this.open = { match, id: match.id, rect, keyboard: keepFocus };
    this.candidate = match;
    this.highlighter.painter.setActive(match.range);
    this.ensureHost();
    this.renderCard();
    this.place();
  }

  close(restoreFocus = false): void {
    this.timers.cancelOpen();
    this.timers.cancelClose();
    if (!this.open) return;
    const wasKeyboard = this.open.keyboard;
    this.open = null;
    this.candidate = null;
    this.overCard = false;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.highlighter.painter.setActive(null);
    if (this.mount) render(null, this.mount);
    if ((restoreFocus || wasKeyboard) && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  private scheduleClose(): void {
    this.timers.closeAfter(CLOSE_GRACE_MS, () => {
      if (!this.overCard) this.close();
    });
  }

  private ensureHost(): void {
    if (this.host?.isConnected) return;
    const { host, shadow, mount } = createCardHost(document);
    shadow.addEventListener('pointerenter', () => {
      this.overCard = true;
      this.timers.cancelClose();
    }, true);
    mount.addEventListener('pointerleave', () => {
      this.overCard = false;
      if (this.open && !this.open.keyboard) this.scheduleClose();
    });
    (document.body ?? document.documentElement).after(host);
    if (!host.isConnected) document.documentElement.append(host);
    this.host = host;
    this.mount = mount;
  }

  private renderCard(): void {
    if (!this.open || !this.mount) return;
    const card = this.cards[this.open.id];
    if (!card) return;
    const id = card.id;
    render(
      <HoverCard
        card={card}
        cards={this.cards}
        lang={this.lang}
        keyboard={this.open.keyboard}
        explainerHref={browser.runtime.getURL(`/explainer.html#${id}` as '/explainer.html')}
        onLang={(lang) => {
          this.lang = lang;
          this.renderCard();
        }}
        onRelated={async (related) => {
          await this.ensureCards(related);
          if (!this.open) return;
          this.open.id = related;
          this.renderCard();
          this.cardElement()?.focus({ preventScroll: true });
        }}
        onClose={() => this.close(true)}
        onOpenExplainer={(e) => {
          e.preventDefault();
          this.openExplainer(id);
        }}
      />,
      this.mount,
    );
  }

  /** Makes sure the card for `id` and its related terms' titles are here. */
  private async ensureCards(id: string): Promise<void> {
    const missing = [id, ...(this.cards[id]?.related ?? [])].filter((x) => !this.cards[x]);
    if (!missing.length && this.cards[id]) return;
    const fetched = await this.loadCards(missing.length ? missing : [id]).catch(() => ({}) as CardData);
    Object.assign(this.cards, fetched);
    const related = (this.cards[id]?.related ?? []).filter((x) => !this.cards[x]);
    if (related.length) Object.assign(this.cards, await this.loadCards(related).catch(() => ({}) as CardData));
  }

  private openExplainer(id: string): void {
    void browser.runtime.sendMessage({ type: 'legal-lens:open-explainer', id, lang: this.lang }).catch(() => {});
  }

  private cardElement(): HTMLElement | null {
    return this.host?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
  }

  private shadowFocus(): HTMLElement | null {
    return (this.host?.shadowRoot?.activeElement as HTMLElement | null) ?? null;
  }

  /** Next to the term without covering it; flipped and shifted to stay inside the viewport; follows scroll. */
  private place(): void {
    const el = this.cardElement();
    const open = this.open;
    if (!el || !open) return;
    const range = liveRange(open.match.range);
    const reference = {
      getBoundingClientRect: () => {
        const rects = range.getClientRects();
        // keep to the line the pointer was on when the term wraps
        for (const r of rects) if (Math.abs(r.top - open.rect.top) < 2 || rects.length === 1) return r;
        return rects[0] ?? range.getBoundingClientRect();
      },
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = placeCard(reference, el);
  }

  /** For tests and the popup: the id of the open card's term. */
  get openTermId(): string | null {
    return this.open?.id ?? null;
  }
}

/** Asks the background for card texts (it holds the card data; the content script stays small). */
export async function requestCards(ids: string[]): Promise<CardData> {
  const response: unknown = await browser.runtime.sendMessage({ type: 'legal-lens:get-cards', ids });
  return response && typeof response === 'object' ? (response as CardData) : {};
}
