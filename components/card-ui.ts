// card-ui: how the content script and its lazily loaded card UI meet. The content script keeps only what every
// page needs (settings, matcher, walk, paint, hit-test); the card's UI — Preact, Floating UI, the card's words
// and styles, the card view — is a separate script (entrypoints/card-ui.ts) that the background injects into
// the frame the first time a card is about to open (SECURITY.md, "The card's code, loaded when first needed").
// Injected scripts run in the content script's own isolated world, so the card UI registers itself there under
// CARD_UI_GLOBAL: the page's own scripts never see that global.
import type { CardView, CardViewOptions } from './card-view';

/** The property of the isolated world's global object under which the injected card UI registers. */
export const CARD_UI_GLOBAL = '__legalLensCardUi';

/** The path of the card UI script inside the extension (what the background injects). */
export const CARD_UI_FILE = '/card-ui.js';

/** What the content script uses of a card view (components/card-view.tsx). */
export type CardViewApi = Pick<
  CardView,
  'show' | 'setLang' | 'shownId' | 'isShowing' | 'hide' | 'destroy' | 'contains' | 'owns' | 'listen' | 'cardElement' | 'focused' | 'focusables' | 'focus'
>;

/** What the injected card UI registers: a way to make card views. */
export interface CardUi {
  createView(doc: Document, options: CardViewOptions): CardViewApi;
}
