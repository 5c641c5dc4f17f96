// keyboard: Escape closes the card and puts focus back; inside the card, Alt+↓ / Alt+↑ move to the next or
// previous term, Enter on the card opens its explainer, and Tab stays among the card's own controls. The
// browser command (Alt+Shift+L) opens the first visible term's card with focus in it: openFirstVisibleCard.
import { isInViewport } from '../hit-test';
import { liveRange, type PaintedMatch } from '../paint';
import { runInSlices } from '../schedule';
import type { PageCard } from './page-card';

export function watchKeyboard(card: PageCard): void {
  card.input.on('keydown', (e) => {
    if (!card.openMatch) return;
    if (e.key === 'Escape') {
      // this Escape is the card's: it does not also close the page's dialog or menu
      e.preventDefault();
      e.stopPropagation();
      card.close(true);
      return;
    }
    if (!card.view.contains(e)) return;
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      e.stopPropagation();
      void step(card, e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && card.view.focused === card.view.cardElement) {
      e.preventDefault();
      card.openExplainer();
    } else if (e.key === 'Tab') {
      trapTab(card, e);
    }
  }, card.signal);
}

/**
 * Opens the card of the first term in the viewport (else the first on the page), with focus in it. Resolves once
 * the terms are in order (Painter.allMatches) and the first in view found, and the card asked to show.
 */
export async function openFirstVisibleCard(card: PageCard): Promise<void> {
  const matches = await card.paintedMatches();
  const first = (await firstInViewport(matches, card.doc, card.signal)) ?? matches[0];
  if (!first || card.signal.aborted) return;
  if (!card.openMatch) card.returnFocus = card.doc.activeElement as HTMLElement | null;
  showByKeyboard(card, first);
}

/**
 * The first of `matches` with a part in the viewport, or undefined. Each is measured, in slices (schedule.ts): on a
 * page of 20,000 terms read to its end, measuring them all in one task would take well over 50 ms.
 */
export async function firstInViewport(matches: PaintedMatch[], doc: Document, signal: AbortSignal): Promise<PaintedMatch | undefined> {
  const win = doc.defaultView;
  if (!win) return undefined;
  const scratch = doc.createRange();
  let found: PaintedMatch | undefined;
  const untilFound = function* () {
    for (const m of matches) {
      if (found) return;
      yield m;
    }
  };
  await runInSlices(untilFound(), (m) => {
    if (isInViewport(m.range, win, scratch)) found = m;
  }, signal);
  return found;
}

async function step(card: PageCard, direction: 1 | -1): Promise<void> {
  const from = card.openMatch;
  const matches = await card.paintedMatches();
  // the card closed or moved on while the terms were put in order
  if (!from || card.openMatch !== from || card.signal.aborted) return;
  const i = matches.indexOf(from);
  const next = matches[(i + direction + matches.length) % matches.length];
  if (next) showByKeyboard(card, next);
}

function showByKeyboard(card: PageCard, match: PaintedMatch): void {
  if (!isInViewport(match.range, window)) {
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    match.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reduce ? 'instant' : 'auto' });
  }
  const live = liveRange(match.range);
  const rect = live.getClientRects()[0] ?? live.getBoundingClientRect();
  void card.show(match, rect, { keyboard: true }).then((shown) => shown && card.view.focus());
}

function trapTab(card: PageCard, e: KeyboardEvent): void {
  const items = card.view.focusables();
  if (!items.length) return;
  const current = card.view.focused as HTMLElement | null;
  const i = current ? items.indexOf(current) : -1;
  const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
  e.preventDefault();
  items[next].focus();
}
