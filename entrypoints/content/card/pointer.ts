// pointer: hover intent for a mouse or pen. At most one check per animation frame finds the painted term under
// the pointer (hit-test); HoverIntent (components/) decides when its card opens and closes (WCAG 2.2 SC 1.4.13).
// Touch pointers are left to touch.ts.
import { HoverIntent } from '@/components/hover-intent';
import { rectAt } from '../hit-test';
import type { PaintedMatch } from '../paint';
import type { PageCard } from './page-card';

export function watchPointer(card: PageCard): void {
  const { input, signal } = card;
  let pointer: { x: number; y: number } | null = null;
  let frame = 0;
  const intent = new HoverIntent<PaintedMatch>({
    timers: card.timers,
    delay: () => card.settings.hoverDelay,
    shown: () => card.openMatch,
    onCandidate: (match) => card.prepare(match.id), // fetch the text and the card UI during the hover delay
    open: (match) => {
      const rect = pointer && rectAt(match.range, pointer.x, pointer.y);
      if (rect) void card.show(match, rect);
    },
    close: () => card.close(),
    pinned: () => card.openedByKeyboard,
  });

  const check = () => {
    frame = 0;
    if (pointer) intent.pointerAt(card.termAt(pointer.x, pointer.y)?.match ?? null);
  };
  input.on('pointermove', (e) => {
    if (e.pointerType === 'touch') return;
    if (card.view.contains(e)) {
      // a check still pending from before would see the pointer off the term and off the card, and close it
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      pointer = null;
      intent.pointerOnCard(true);
      return;
    }
    pointer = { x: e.clientX, y: e.clientY };
    frame ||= requestAnimationFrame(check);
  }, signal);
  // the pointer left the window (relatedTarget is null only then)
  input.on('pointerout', (e) => {
    if (e.relatedTarget !== null || e.pointerType === 'touch') return;
    pointer = null;
    intent.pointerGone();
  }, signal);
  // a finger does not hover: lifting it, or scrolling the card, makes it "leave" the card, which must not count
  card.view.listen('pointerenter', (e) => e.pointerType !== 'touch' && intent.pointerOnCard(true), signal);
  card.view.listen('pointerleave', (e) => e.pointerType !== 'touch' && intent.pointerOnCard(false), signal);
  signal.addEventListener('abort', () => frame && cancelAnimationFrame(frame));
}
