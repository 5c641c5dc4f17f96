// @vitest-environment happy-dom
// schedule: work in slices of at most SLICE_BUDGET_MS, yielding to the page between them.
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
    // [ms per item, items, yields]: the budget is checked every 8 items
    [1, 10, 0],
    [1, 100, 4],
    [5, 80, 10],
    [0, 1000, 0],
  ])('at %i ms an item, %i items yield %i times', async (ms, items, expectedYields) => {
    const clock = fakeClock(ms);
    const durations: number[] = [];
    const yields = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yields });
    const seen: number[] = [];
    const done = await runInSlices(Array.from({ length: items }, (_, i) => i), (i) => {
      seen.push(i);
      clock.tick();
    }, new AbortController().signal, (d) => durations.push(d));
    expect(done).toBe(true);
    expect(seen).toHaveLength(items);
    expect(yields).toHaveBeenCalledTimes(expectedYields);
    expect(durations).toHaveLength(expectedYields + 1);
    // a slice stops at the first check past its budget
    expect(Math.max(...durations)).toBeLessThanOrEqual(SLICE_BUDGET_MS + 8 * ms);
  });

  it('stops early, returning false, when its signal aborts', async () => {
    const clock = fakeClock(5);
    const controller = new AbortController();
    vi.stubGlobal('scheduler', { yield: () => Promise.resolve() });
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
  it('uses scheduler.yield where the browser has it', async () => {
    const yields = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yields });
    await yieldToPage();
    expect(yields).toHaveBeenCalledOnce();
  });

  it('falls back to a message-channel task', async () => {
    vi.stubGlobal('scheduler', undefined);
    let later = false;
    const yielded = yieldToPage().then(() => later);
    later = true;
    expect(await yielded).toBe(true);
  });
});
