// card-ui-loader: gets the card's UI into this frame the first time it is needed. The content script asks the
// background, which injects the separately built card UI script into this frame's isolated world
// (components/card-ui.ts); the script registers itself there. Nothing is web-accessible, so a page cannot probe
// for it (SECURITY.md).
import { browser } from 'wxt/browser';
import { CARD_UI_GLOBAL, type CardUi } from '@/components/card-ui';

let loading: Promise<CardUi> | null = null;

function registered(): CardUi | null {
  return ((globalThis as unknown as Record<string, CardUi | undefined>)[CARD_UI_GLOBAL]) ?? null;
}

/**
 * The card UI of this frame, injected on the first call; calls while it is on its way share one request.
 * Rejects when the background could not inject it (the extension reloading, a frame it may not script); the
 * next call tries again.
 */
export function loadCardUi(): Promise<CardUi> {
  const ui = registered();
  if (ui) return Promise.resolve(ui);
  loading ??= browser.runtime.sendMessage({ type: 'legal-lens:load-card-ui' }).then(() => {
    const injected = registered();
    if (!injected) throw new Error('Legal Lens: the card UI did not register');
    return injected;
  });
  loading.catch(() => (loading = null));
  return loading;
}
