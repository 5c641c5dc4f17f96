// card-placement: where a hover card sits — next to its term (below, else above, never over it) and inside the
// viewport, following the term while the page scrolls or resizes. Floating UI does the geometry.
import { autoUpdate, computePosition, flip, offset, shift, size, type ReferenceElement } from '@floating-ui/dom';

/** What a card is placed next to: an element (a term link) or a virtual element (a painted range). */
export type CardAnchor = ReferenceElement;

/** Keeps `card` placed next to `anchor` while the page scrolls or resizes; returns the function that stops it. */
export function placeCard(anchor: CardAnchor, card: HTMLElement): () => void {
  return autoUpdate(anchor, card, () => {
    void computePosition(anchor, card, {
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
