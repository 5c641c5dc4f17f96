// card-host: the one element a hover card adds to a document — a <legal-lens-ui> element with an open shadow
// root holding the card's styles and a mount point for its Preact tree (DESIGN.md, "Contracts"). How the host is
// named, where in the document it goes and how it is lifted above the page are decided here and nowhere else.
//
// Where it goes, and why (issue 10, defects 2, 4, 12, 14):
// - only while a card is open (card-view removes it when the card closes), so a page that hydrates or diffs its
//   document meets it as rarely as possible;
// - inside the open modal <dialog> that holds the term (or the top one): everything outside a modal dialog is
//   inert, and a card there could not be used;
// - else as the last child of <body>: React tolerates an extra trailing node there when it hydrates the whole
//   document (React 18 reports one after <body>, in <html>, and throws the server HTML away);
// - a page that removes unknown children of <html> and <body> (a "janitor") gets it one level further in: as the
//   last child of the element of <body> that holds the term.
// Then it is shown as a manual popover, in the top layer: above a modal dialog and its backdrop, and placed
// against the viewport even when the page transforms or contains <html> (its fixed children would otherwise be
// placed against <html>).
import cardCss from './hover-card.css?inline';

/** The host element's tag name; collect skips it and observe ignores it (see isCardHostName). */
export const CARD_HOST_TAG = 'legal-lens-ui';

export interface CardHost {
  /** the element added to the page */
  element: HTMLElement;
  shadow: ShadowRoot;
  /** where the card's Preact tree is rendered */
  mount: HTMLDivElement;
}

/** True for the local name of a card host: <legal-lens-ui>, or the fallback name when a page took that one. */
export function isCardHostName(localName: string): boolean {
  return localName === CARD_HOST_TAG || localName.startsWith(`${CARD_HOST_TAG}-`);
}

/**
 * Creates the host (not yet in the document) with the card styles inside its shadow root. When the page has
 * defined its own custom element named <legal-lens-ui> (or anything else keeps that name from hosting a
 * shadow root), the host gets a fallback name with a random suffix, which no page can have claimed in advance.
 * Never throws for a page's reasons.
 */
export function createCardHost(doc: Document): CardHost {
  const suffix = () => Math.random().toString(36).slice(2, 10).replace(/^[^a-z]/, 'x');
  for (const name of [CARD_HOST_TAG, `${CARD_HOST_TAG}-${suffix()}`, `${CARD_HOST_TAG}-${suffix()}`]) {
    const host = tryCreateHost(doc, name);
    if (host) return host;
  }
  throw new Error('Legal Lens: no element can host the card');
}

function tryCreateHost(doc: Document, name: string): CardHost | null {
  try {
    const element = doc.createElement(name);
    // a page's own definition has already run its constructor: its element is not ours to use
    if (element.matches(':defined') || element.shadowRoot) return null;
    const shadow = element.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = cardCss;
    const mount = doc.createElement('div');
    shadow.append(style, mount);
    if ('showPopover' in element) element.setAttribute('popover', 'manual');
    return { element, shadow, mount };
  } catch {
    return null;
  }
}

/** How far in the host goes: 'body' (or the modal dialog), or 'inside' once a page removed it from there. */
export type HostPlacement = 'body' | 'inside';

/**
 * Puts the host where it belongs for a card next to `near` (the term, or an element holding it), moving it only
 * when that place changed, and lifts it into the top layer.
 */
export function attachCardHost(doc: Document, host: HTMLElement, near: Node | null, placement: HostPlacement = 'body'): void {
  const parent = hostParent(doc, near, placement);
  if (host.parentNode !== parent || host.nextSibling !== null) parent.append(host);
  raise(host);
}

/** Takes the host out of the document (and out of the top layer). */
export function detachCardHost(host: HTMLElement): void {
  try {
    if (host.matches(':popover-open')) host.hidePopover();
  } catch {
    // not a popover in this browser
  }
  host.remove();
}

function hostParent(doc: Document, near: Node | null, placement: HostPlacement): ParentNode {
  const dialog = (near && modalDialogAround(near)) ?? topModalDialog(doc);
  if (dialog) return dialog;
  const body = doc.body;
  if (!body) return doc.documentElement;
  if (placement === 'inside' && near) {
    // the child of <body> that holds the term (in the document, not inside a shadow root)
    let top: Node | null = near;
    while (top && top.parentNode !== body) top = top.parentNode ?? (top instanceof ShadowRoot ? top.host : null);
    if (top instanceof Element && !isCardHostName(top.localName)) return top;
  }
  return body;
}

/** The open modal <dialog> that holds `node`, across shadow roots, if any. */
function modalDialogAround(node: Node): HTMLDialogElement | null {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n instanceof HTMLDialogElement && isModal(n)) return n;
  }
  return null;
}

/** The last open modal <dialog> of the document (modal dialogs stack in the order they were opened). */
function topModalDialog(doc: Document): HTMLDialogElement | null {
  const open = [...doc.querySelectorAll('dialog[open]')].filter((d): d is HTMLDialogElement => d instanceof HTMLDialogElement && isModal(d));
  return open.at(-1) ?? null;
}

function isModal(dialog: Element): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return false; // a browser without :modal has no top layer to be hidden under
  }
}

/** Shows the host as a manual popover (the top layer), where the browser has popovers. */
function raise(host: HTMLElement): void {
  try {
    if (host.hasAttribute('popover') && !host.matches(':popover-open')) host.showPopover();
  } catch {
    // no popover support, or the host is not connected: it stays a fixed element with the highest z-index
  }
}
