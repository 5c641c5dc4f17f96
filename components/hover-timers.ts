// hover-timers: the two timers of a hover card, hover intent before opening and a grace period before closing
// (WCAG 2.2 SC 1.4.13; Wikipedia's page previews use about the same timings). Used by the content script's
// card and the explainer page's card, so both wait the same.

/** How long a card stays after the pointer left both its term and the card, in ms. */
export const CLOSE_GRACE_MS = 300;

/** Starts a timer and returns its id (window.setTimeout, or WXT's ctx.setTimeout, which never fires after teardown). */
export type SetTimer = (run: () => void, ms: number) => number;

/**
 * One pending "open" and one pending "close" at a time. Opening again restarts the intent; a close already
 * pending is left to run (so moving around inside the grace period does not stretch it).
 */
export class HoverTimers {
  private openTimer = 0;
  private closeTimer = 0;

  constructor(private readonly setTimer: SetTimer = (run, ms) => window.setTimeout(run, ms)) {}

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

  /** True while an open is pending. */
  get opening(): boolean {
    return this.openTimer !== 0;
  }

  cancelOpen(): void {
    if (this.openTimer) clearTimeout(this.openTimer);
    this.openTimer = 0;
  }

  cancelClose(): void {
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }

  cancel(): void {
    this.cancelOpen();
    this.cancelClose();
  }
}
