// lazy-card-view: the card view of a web page, standing in for the real one (components/card-view.tsx) until
// the card UI is loaded (card-ui-loader). Before that no card can be showing, so it answers as an empty view:
// nothing contains an event, nothing is focused. Listeners registered early are handed on when the view arrives.
import type { CardUi, CardViewApi } from '@/components/card-ui';
import type { CardRequest, CardViewOptions } from '@/components/card-view';
import type { Lang } from '@/glossary/runtime/types';

type Listener = { type: keyof HTMLElementEventMap; listener: (e: Event) => void; signal: AbortSignal };

export class LazyCardView implements CardViewApi {
  private view: CardViewApi | null = null;
  private loading: Promise<boolean> | null = null;
  private destroyed = false;
  private readonly listeners: Listener[] = [];

  constructor(
    private readonly doc: Document,
    private readonly options: CardViewOptions,
    private readonly loadUi: () => Promise<CardUi>,
  ) {}

  /** Loads the card UI (once; again after a failure). Resolves to whether a view is ready; never rejects. */
  load(): Promise<boolean> {
    if (this.view) return Promise.resolve(true);
    if (this.destroyed) return Promise.resolve(false);
    this.loading ??= this.loadUi().then(
      (ui) => {
        if (this.destroyed) return false;
        const view = ui.createView(this.doc, this.options);
        for (const { type, listener, signal } of this.listeners) view.listen(type, listener, signal);
        this.view = view;
        return true;
      },
      () => {
        this.loading = null;
        return false;
      },
    );
    return this.loading;
  }

  show(request: CardRequest): boolean {
    return this.view?.show(request) ?? false;
  }

  setLang(lang: Lang): void {
    this.view?.setLang(lang);
  }

  get shownId(): string | null {
    return this.view?.shownId ?? null;
  }

  get isShowing(): boolean {
    return this.view?.isShowing ?? false;
  }

  hide(): void {
    this.view?.hide();
  }

  destroy(): void {
    this.destroyed = true;
    this.view?.destroy();
  }

  contains(event: Event): boolean {
    return this.view?.contains(event) ?? false;
  }

  owns(node: EventTarget | null): boolean {
    return this.view?.owns(node) ?? false;
  }

  listen<K extends keyof HTMLElementEventMap>(type: K, listener: (e: HTMLElementEventMap[K]) => void, signal: AbortSignal): void {
    if (this.view) this.view.listen(type, listener, signal);
    else this.listeners.push({ type, listener: listener as (e: Event) => void, signal });
  }

  get cardElement(): HTMLElement | null {
    return this.view?.cardElement ?? null;
  }

  get focused(): Element | null {
    return this.view?.focused ?? null;
  }

  focusables(): HTMLElement[] {
    return this.view?.focusables() ?? [];
  }

  focus(): void {
    this.view?.focus();
  }
}
