// The card's UI, built as its own script and injected by the background into a frame whose content script is
// about to open its first card (components/card-ui.ts says why and how they meet). It only registers the card
// view in the content script's isolated world; nothing here touches the page until a card is shown.
import { CARD_UI_GLOBAL, type CardUi } from '@/components/card-ui';
import { CardView } from '@/components/card-view';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

export default defineUnlistedScript(() => {
  const ui: CardUi = { createView: (doc, options) => new CardView(doc, options) };
  (globalThis as unknown as Record<string, CardUi>)[CARD_UI_GLOBAL] = ui;
});
