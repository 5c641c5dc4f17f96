// Where a hover card lives and how it is placed, shared by the content script and the explainer page:
// one <legal-lens-ui> element with an open shadow root holding the card's styles and a mount point, and
// Floating UI keeping the card next to its term (below, else above, never over it) inside the viewport.
import { autoUpdate, computePosition, flip, offset, shift, size, type ReferenceElement } from '@floating-ui/dom';
import cardCss from './hover-card.css?inline';

export const CARD_HOST_TAG = 'legal-lens-ui';

export interface CardHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  mount: HTMLDivElement;
}

/** Creates the host (not yet in the document) with the card styles inside its shadow root. */
export function createCardHost(doc: Document): CardHost {
  const host = doc.createElement(CARD_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = cardCss;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  return { host, shadow, mount };
}

/** Keeps `card` placed next to `reference` while the page scrolls or resizes; returns the stop function. */
export function placeCard(reference: ReferenceElement, card: HTMLElement): () => void {
  return autoUpdate(reference, card, () => {
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        // above or below the term (never over it); when neither side fits, the side with more room, scrolled
        flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'], fallbackStrategy: 'bestFit' }),
        shift({ padding: 8 }),
        // never taller than the room on the chosen side: the card scrolls rather than covering the term
        size({
          padding: 8,
          apply({ availableHeight }) {
            card.style.maxHeight = `${Math.max(96, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    }).then(({ x, y }) => {
      card.style.left = `${Math.round(x)}px`;
      card.style.top = `${Math.round(y)}px`;
    });
  });
}

/**
 * The two timers of a hover card: hover intent before opening, a grace period before closing. Opening again
 * restarts the intent; a close already pending is left to run.
 */
export class HoverTimers {
  private openTimer = 0;
  private closeTimer = 0;

  constructor(private readonly setTimer: (run: () => void, ms: number) => number = (run, ms) => window.setTimeout(run, ms)) {}

  openAfter(ms: number, run: () => void): void {
    this.cancelOpen();
    this.openTimer = this.setTimer(() => {
      this.openTimer = 0;
      run();
    }, ms);
  }

  closeAfter(ms: number, run: () => void): void {
    if (this.closeTimer) return;
    this.closeTimer = this.setTimer(() => {
      this.closeTimer = 0;
      run();
    }, ms);
  }

  cancelOpen(): void {
    if (this.openTimer) clearTimeout(this.openTimer);
    this.openTimer = 0;
  }

  cancelClose(): void {
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }
}
