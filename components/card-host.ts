// card-host: the one element a hover card adds to a document — a <legal-lens-ui> element with an open shadow
// root holding the card's styles and a mount point for its Preact tree (DESIGN.md, "Contracts"). How the host is
// named and where in the document it goes are decided here and nowhere else.
import cardCss from './hover-card.css?inline';

/** The host element's tag name; collect skips it and observe ignores it. */
export const CARD_HOST_TAG = 'legal-lens-ui';

export interface CardHost {
  /** the element added to the page */
  element: HTMLElement;
  shadow: ShadowRoot;
  /** where the card's Preact tree is rendered */
  mount: HTMLDivElement;
}

/** Creates the host (not yet in the document) with the card styles inside its shadow root. */
export function createCardHost(doc: Document): CardHost {
  const element = doc.createElement(CARD_HOST_TAG);
  const shadow = element.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = cardCss;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  return { element, shadow, mount };
}

/**
 * Puts the host into the document: right after <body>, as the last child of <html>, where the page's own
 * `body > *` rules and scripts that walk <body> do not meet it; when there is no <body>, at the end of <html>.
 */
export function attachCardHost(doc: Document, host: HTMLElement): void {
  (doc.body ?? doc.documentElement).after(host);
  if (!host.isConnected) doc.documentElement.append(host);
}
