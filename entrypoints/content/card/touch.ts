// touch: a tap on a term opens its card, and a second tap on the same term does what the page would (follow
// its link); a press anywhere outside the card and its term closes the card (with a mouse: outside any term,
// since hovering another term moves the card there). A finger coming down on a term starts fetching what its
// card needs, so the card is ready by the time the tap ends.
import type { PageCard } from './page-card';

export function watchTouch(card: PageCard): void {
  const { input, signal } = card;
  /** mouse, pen or touch: a tap opens a card where a click would not */
  let lastPointerType = '';
  input.on('pointerdown', (e) => {
    lastPointerType = e.pointerType;
    if (card.view.contains(e)) return;
    const open = card.openMatch;
    if (!open && e.pointerType === 'mouse') return;
    const hit = card.termAt(e.clientX, e.clientY);
    if (hit && hit.match !== open) card.prepare(hit.match.id);
    if (!open) return;
    if (e.pointerType === 'mouse' ? !hit : hit?.match !== open) card.close();
  }, signal);

  input.on('click', (e) => {
    if (lastPointerType !== 'touch' && lastPointerType !== 'pen') return;
    if (card.view.contains(e)) return;
    const hit = card.termAt(e.clientX, e.clientY);
    if (!hit || card.openMatch === hit.match) return; // second tap: let the page have it
    e.preventDefault();
    e.stopPropagation();
    void card.show(hit.match, hit.rect);
  }, signal);
}
