// Hover intent (WCAG 2.2 SC 1.4.13) as a table of timelines: where the pointer is at each moment, and when the
// card opens and closes. Delay 300 ms, grace CLOSE_GRACE_MS (300 ms).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '@/components/hover-intent';
import { CLOSE_GRACE_MS, HoverTimers } from '@/components/hover-timers';

type Step =
  | [ms: number, 'on', target: string | null] // the pointer is on the page, over a target or nothing
  | [ms: number, 'card', on: boolean] // the pointer moved onto / off the card
  | [ms: number, 'gone']; // the pointer left the window

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Runs the steps (each at its time since the start) and returns what happened when, to 10 s. */
function run(steps: Step[], { pinned = false, keepOpen = false } = {}): string[] {
  const log: string[] = [];
  let shown: string | null = null;
  const start = Date.now();
  const at = () => Date.now() - start;
  const intent = new HoverIntent<string>({
    timers: new HoverTimers((fn, ms) => setTimeout(fn, ms) as unknown as number),
    delay: () => 300,
    shown: () => shown,
    open: (target) => {
      shown = target;
      log.push(`open ${target} @${at()}`);
    },
    close: () => {
      log.push(`close ${shown} @${at()}`);
      shown = null;
    },
    onCandidate: (target) => log.push(`fetch ${target} @${at()}`),
    pinned: () => pinned,
    keepOpen: () => keepOpen,
  });
  for (const step of steps) {
    vi.advanceTimersByTime(step[0] - at());
    if (step[1] === 'on') intent.pointerAt(step[2]);
    else if (step[1] === 'card') intent.pointerOnCard(step[2]);
    else intent.pointerGone();
  }
  vi.advanceTimersByTime(10_000 - at());
  return log;
}

describe('hover intent', () => {
  it.each<[string, Step[], string[], { pinned?: boolean; keepOpen?: boolean }?]>([
    ['resting on a term opens its card after the delay', [[0, 'on', 'A']], ['fetch A @0', 'open A @300']],
    ['moving within the term does not restart the delay', [[0, 'on', 'A'], [100, 'on', 'A'], [250, 'on', 'A']], ['fetch A @0', 'open A @300']],
    ['passing over a term opens nothing', [[0, 'on', 'A'], [100, 'on', null]], ['fetch A @0']],
    ['it never closes on a timer while the pointer stays', [[0, 'on', 'A'], [5000, 'on', 'A']], ['fetch A @0', 'open A @300']],
    ['leaving term and card closes it after the grace period', [[0, 'on', 'A'], [1000, 'on', null]], ['fetch A @0', 'open A @300', `close A @${1000 + CLOSE_GRACE_MS}`]],
    ['moving onto the card within the grace period keeps it', [[0, 'on', 'A'], [1000, 'on', null], [1100, 'card', true]], ['fetch A @0', 'open A @300']],
    ['leaving the card closes it after the grace period', [[0, 'on', 'A'], [1000, 'card', true], [2000, 'card', false]], ['fetch A @0', 'open A @300', `close A @${2000 + CLOSE_GRACE_MS}`]],
    ['back on the term within the grace period keeps it', [[0, 'on', 'A'], [1000, 'on', null], [1200, 'on', 'A']], ['fetch A @0', 'open A @300']],
    ['another term: the open card waits for the new one', [[0, 'on', 'A'], [1000, 'on', 'B']], ['fetch A @0', 'open A @300', 'fetch B @1000', 'open B @1300']],
    ['back on the open term before another one\'s delay ran out: the other does not open', [[0, 'on', 'A'], [1000, 'on', 'B'], [1100, 'on', 'A']], ['fetch A @0', 'open A @300', 'fetch B @1000']],
    ['leaving the window from the page closes it', [[0, 'on', 'A'], [1000, 'gone']], ['fetch A @0', 'open A @300', `close A @${1000 + CLOSE_GRACE_MS}`]],
    ['leaving the window from the card waits for the card\'s own leave', [[0, 'on', 'A'], [1000, 'card', true], [1500, 'gone']], ['fetch A @0', 'open A @300']],
    ['a pinned (keyboard) card stays when the pointer leaves the card', [[0, 'on', 'A'], [1000, 'card', true], [2000, 'card', false]], ['fetch A @0', 'open A @300'], { pinned: true }],
    ['a card whose link has focus stays when the pointer leaves', [[0, 'on', 'A'], [1000, 'on', null]], ['fetch A @0', 'open A @300'], { keepOpen: true }],
  ])('%s', (_name, steps, expected, options) => {
    expect(run(steps, options)).toEqual(expected);
  });
});

describe('HoverTimers', () => {
  it('restarts the intent but lets a pending close run its course', () => {
    const timers = new HoverTimers((fn, ms) => setTimeout(fn, ms) as unknown as number);
    const fired: string[] = [];
    timers.openAfter(300, () => fired.push('open 1'));
    vi.advanceTimersByTime(200);
    timers.openAfter(300, () => fired.push('open 2'));
    timers.closeAfter(300, () => fired.push('close 1'));
    vi.advanceTimersByTime(200);
    timers.closeAfter(300, () => fired.push('close 2'));
    expect(timers.opening).toBe(true);
    vi.advanceTimersByTime(100);
    expect(fired).toEqual(['open 2', 'close 1']);
    timers.openAfter(300, () => fired.push('open 3'));
    timers.cancel();
    vi.advanceTimersByTime(1000);
    expect(fired).toEqual(['open 2', 'close 1']);
  });
});
