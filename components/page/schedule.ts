// schedule: do work in slices so no task on the page's main thread runs long; yield between slices.

/** Long tasks start at 50 ms; a slice stays well under that, and few slices means few yields. */
export const SLICE_BUDGET_MS = 20;

type SchedulerLike = { yield?: () => Promise<void> };

/** Gives the page a turn: scheduler.yield() where it exists, else a message-channel macrotask. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Pulls items from `source` and hands each to `work`, yielding to the page whenever a slice has used
 * its budget. Stops early (returns false) when `signal` aborts. `onSlice` gets each slice's duration.
 */
export async function runInSlices<T>(
  source: Iterable<T>,
  work: (item: T) => void,
  signal: AbortSignal,
  onSlice: (ms: number) => void = () => {},
  budgetMs = SLICE_BUDGET_MS,
): Promise<boolean> {
  let sliceStart = performance.now();
  let n = 0;
  for (const item of source) {
    if (signal.aborted) break;
    work(item);
    if ((++n & 7) === 0 && performance.now() - sliceStart > budgetMs) {
      onSlice(performance.now() - sliceStart);
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  onSlice(performance.now() - sliceStart);
  return !signal.aborted;
}
