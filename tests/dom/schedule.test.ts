// @vitest-environment happy-dom
// schedule: work in slices of at most SLICE_BUDGET_MS, giving the page a real turn (a new task) between them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_BUDGET_MS, runInSlices, yieldToPage } from '@/components/page/schedule';

afterEach(() => vi.unstubAllGlobals());

/** A clock that moves `msPerItem` every time an item is worked on. */
function fakeClock(msPerItem: number) {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return { tick: () => (now += msPerItem) };
}

describe('runInSlices', () => {
  it.each([
    // [ms per item, items, slices]: a slice ends at the first item past the budget (8 ms: 9 items of 1 ms, 2 of 5)
    [1, 9, 1],
    [1, 10, 2],
    [1, 100, 12],
    [5, 80, 40],
    [0, 1000, 1],
    [30, 3, 3],
  ])('at %i ms an item, %i items take %i slices', async (ms, items, slices) => {
    const clock = fakeClock(ms);
    const durations: number[] = [];
    const seen: number[] = [];
    const done = await runInSlices(Array.from({ length: items }, (_, i) => i), (i) => {
      seen.push(i);
      clock.tick();
    }, new AbortController().signal, (d) => durations.push(d));
    expect(done).toBe(true);
    expect(seen).toHaveLength(items);
    expect(durations).toHaveLength(slices);
    // a slice stops at the first item past its budget
    expect(Math.max(...durations)).toBeLessThanOrEqual(Math.max(SLICE_BUDGET_MS + ms, ms));
  });

  it('stops early, returning false, when its signal aborts', async () => {
    const clock = fakeClock(5);
    const controller = new AbortController();
    const seen: number[] = [];
    const done = await runInSlices(Array.from({ length: 100 }, (_, i) => i), (i) => {
      seen.push(i);
      if (i === 20) controller.abort();
      clock.tick();
    }, controller.signal);
    expect(done).toBe(false);
    expect(seen.length).toBe(21);
  });
});

describe('yieldToPage', () => {
  it('resumes in a later task, never through scheduler.yield (whose continuations jump ahead of the page\'s tasks)', async () => {
    const yields = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yields });
    const order: string[] = [];
    const resumed = yieldToPage().then(() => order.push('resumed'));
    queueMicrotask(() => queueMicrotask(() => order.push('the rest of this task')));
    await resumed;
    expect(order).toEqual(['the rest of this task', 'resumed']);
    expect(yields).not.toHaveBeenCalled();
  });

  it('posts every turn through one channel, resuming them in order (a channel each cost a long page\'s scan 10-20 ms)', async () => {
    const made = vi.fn();
    const Native = MessageChannel;
    vi.stubGlobal('MessageChannel', class extends Native {
      constructor() {
        super();
        made();
      }
    });
    const order: number[] = [];
    await Promise.all(Array.from({ length: 50 }, (_, i) => yieldToPage().then(() => order.push(i))));
    await yieldToPage();
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i));
    // one made on first use in this file (maybe by the test above), none after
    expect(made.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
