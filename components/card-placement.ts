// card-placement: where a hover card sits — next to its term (below, else above, not over it) and inside the
// viewport, following the term while the page scrolls or resizes. Floating UI does the geometry. In a viewport
// too short for the card on either side of its term (a short iframe), the card takes the viewport's height,
// scrolls inside itself, and is shifted into view even if it covers the term: all of it stays readable.
import { autoUpdate, computePosition, flip, offset, shift, size, type ReferenceElement } from '@floating-ui/dom';

/** Room kept between the card and the viewport's edges, in CSS px. */
const PADDING = 8;
/** Below this height (CSS px) a card beside its term would be too short to read: it may cover the term instead. */
const MIN_HEIGHT = 96;

/** What a card is placed next to: an element (a term link) or a virtual element (a painted range). */
export type CardAnchor = ReferenceElement;

/**
 * The card's max-height in CSS px, given the viewport's height and the room on the side of its term that Floating
 * UI chose: that room, but never under MIN_HEIGHT, and never more than the viewport less PADDING at each edge. A
 * card taller than that scrolls its body between its title and its footer (hover-card.css).
 */
export function cardMaxHeight(viewportHeight: number, availableHeight: number): number {
  const most = Math.max(0, viewportHeight - 2 * PADDING);
  return Math.min(most, Math.max(MIN_HEIGHT, Math.floor(availableHeight)));
}

/** The gap between a card and its term, in CSS px. */
const OFFSET = 6;

/**
 * Keeps `card` placed next to `anchor` while the page scrolls or resizes; returns the function that stops it.
 * `anchorRect` (CSS px, viewport), the term's rect read before the card was put in the page, while the page's
 * layout was clean, puts the card where it most often goes (below its term, at its start, kept off the viewport's
 * left edge) before anything reads the card's size: when Floating UI then chooses that place, writing it changes
 * nothing, and the page is laid out once for the card instead of again for its position (each layout of a page of
 * 100,000 layout objects took 5-8 ms, issue 13).
 */
export function placeCard(anchor: CardAnchor, card: HTMLElement, anchorRect?: { left: number; bottom: number }): () => void {
  if (anchorRect) {
    card.style.left = `${Math.round(Math.max(PADDING, anchorRect.left))}px`;
    card.style.top = `${Math.round(anchorRect.bottom + OFFSET)}px`;
  }
  return autoUpdate(anchor, card, () => {
    void computePosition(anchor, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(OFFSET),
        // above or below the term (never over it); when neither side fits, the side with more room, scrolled
        flip({ padding: PADDING, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'], fallbackStrategy: 'bestFit' }),
        // never taller than the room on the chosen side: the card scrolls rather than covering the term, unless
        // that room is too small to read in; never taller than the viewport. Written only where it limits the
        // card (or was written before): each write makes the browser lay the page out again before Floating UI
        // reads the card's size back
        size({
          padding: PADDING,
          apply({ availableHeight, rects }) {
            const viewport = card.ownerDocument.documentElement.clientHeight || (card.ownerDocument.defaultView?.innerHeight ?? 0);
            const most = cardMaxHeight(viewport, availableHeight);
            if (rects.floating.height <= most && !card.style.maxHeight) return;
            card.style.maxHeight = `${most}px`;
          },
        }),
        // inside the viewport on both axes
        shift({ padding: PADDING, crossAxis: true }),
      ],
    }).then(({ x, y }) => {
      card.style.left = `${Math.round(x)}px`;
      card.style.top = `${Math.round(y)}px`;
    });
  });
}
