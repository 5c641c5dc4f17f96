// hover-intent: when a pointer that hovers (mouse, pen) opens and closes a card, following WCAG 2.2 SC 1.4.13.
// A card opens once the pointer has rested on a target (a term, a term link) for the hover delay; it stays while
// the pointer is on the target or on the card; it closes CLOSE_GRACE_MS after the pointer left both, and never
// on a timer otherwise. The caller says where the pointer is; this decides. Touch input does not come here.
import { CLOSE_GRACE_MS, type HoverTimers } from './hover-timers';

export interface HoverIntentOptions<T> {
  timers: HoverTimers;
  /** the hover delay in ms (the user's setting) */
  delay: () => number;
  /** the target whose card is open now, or null */
  shown: () => T | null;
  /** the pointer rested on `target` for the delay: open its card */
  open: (target: T) => void;
  /** the pointer left the target and the card, and the grace period passed: close the card */
  close: () => void;
  /** the pointer moved onto a new target: start work its card needs (fetch its text) during the delay */
  onCandidate?: (target: T) => void;
  /** the card stays although the pointer left (its link has keyboard focus) */
  keepOpen?: () => boolean;
  /** the card does not close when the pointer leaves the card itself (it was opened from the keyboard) */
  pinned?: () => boolean;
}

export class HoverIntent<T> {
  private candidate: T | null = null;
  private onCard = false;

  constructor(private readonly options: HoverIntentOptions<T>) {}

  /** The pointer is on the page (not on the card), over `target` or over nothing that has a card (null). */
  pointerAt(target: T | null): void {
    const { timers } = this.options;
    this.onCard = false;
    if (target === null) {
      this.pointerGone();
      return;
    }
    // on the open card's own target, or on another one: the open card waits instead of closing
    timers.cancelClose();
    if (target === this.options.shown()) {
      // back on it before another target's delay ran out: that one does not open
      this.candidate = null;
      timers.cancelOpen();
      return;
    }
    if (target === this.candidate && timers.opening) return;
    this.candidate = target;
    this.options.onCandidate?.(target);
    timers.openAfter(this.options.delay(), () => this.options.open(target));
  }

  /** The pointer moved onto the card (true) or off it (false). */
  pointerOnCard(on: boolean): void {
    this.onCard = on;
    if (on) this.options.timers.cancelClose();
    else if (this.options.shown() !== null && !this.options.pinned?.()) this.scheduleClose();
  }

  /** The pointer left the window (or the page under it is unknown): no target is hovered any more. */
  pointerGone(): void {
    this.candidate = null;
    this.options.timers.cancelOpen();
    if (this.options.shown() !== null && !this.onCard) this.scheduleClose();
  }

  get pointerIsOnCard(): boolean {
    return this.onCard;
  }

  private scheduleClose(): void {
    this.options.timers.closeAfter(CLOSE_GRACE_MS, () => {
      if (!this.onCard && !this.options.keepOpen?.()) this.options.close();
    });
  }
}
