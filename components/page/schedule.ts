// schedule: do work in slices so no task on the page's main thread runs long, and give the page a real turn
// between slices: its own timers, input and rendering run before our next slice does.

/**
 * Long tasks start at 50 ms; a slice stops at the first item past this budget, and no item takes long. The margin
 * is for what a slice cannot time: a garbage collection in it (scavenges of 10-28 ms were traced inside slices on
 * the 4.0 MB benchmark page), the ranges it releases for painting, and a shared machine taking the thread away.
 * With 12 ms, the longest stretch of the highlighter's work in one task reached 60 ms of wall time (29 ms of CPU)
 * in 20 loads of that page; with 8 ms (and windows of 8,000 characters, collect.ts), 26 ms (22 ms of CPU), every
 * match painted about as soon (issue 13, 2-core machine).
 */
export const SLICE_BUDGET_MS = 8;

/** The channel yieldToPage posts through, made on first use, and the turns waiting for its messages in order. */
let turns: { port: MessagePort; waiting: (() => void)[] } | null = null;

/**
 * Gives the page a turn: resolves in a timer task set from a message-channel task. The timer queue runs the page's
 * own timers that are due first (a message-channel task alone can run ahead of a page timer that fell due during
 * the slice), and a timer set outside a timer task has no minimum delay (nested timers get 4 ms). Not
 * scheduler.yield(): its continuations are meant to run ahead of the page's other tasks, which starves the page's
 * timers while a long scan runs. One channel for every turn: a new channel each turn (hundreds in a long page's
 * scan) cost up to 5 ms of a slice and 10-22 ms of CPU in all on the 4.0 MB benchmark page (issue 13).
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    if (!turns) {
      const channel = new MessageChannel();
      const waiting: (() => void)[] = [];
      channel.port1.onmessage = () => {
        const turn = waiting.shift();
        if (turn) setTimeout(turn, 0);
      };
      // Node's ports (the tests' environment) keep the process alive while they listen; browsers' have no unref
      (channel.port1 as MessagePort & { unref?: () => void }).unref?.();
      turns = { port: channel.port2, waiting };
    }
    turns.waiting.push(resolve);
    turns.port.postMessage(null);
  });
}

/**
 * Pulls items from `source` and hands each to `work`, yielding to the page whenever a slice has used its budget
 * (the clock is read after every item: items are small, see collect's windows and pause points). Stops early
 * (returns false) when `signal` aborts. `onSlice` gets each slice's duration in ms.
 */
export async function runInSlices<T>(
  source: Iterable<T>,
  work: (item: T) => void,
  signal: AbortSignal,
  onSlice: (ms: number) => void = () => {},
  budgetMs = SLICE_BUDGET_MS,
): Promise<boolean> {
  let sliceStart = performance.now();
  for (const item of source) {
    const now = performance.now();
    if (now - sliceStart > budgetMs) {
      onSlice(now - sliceStart);
      await yieldToPage();
      sliceStart = performance.now();
    }
    if (signal.aborted) break;
    work(item);
  }
  onSlice(performance.now() - sliceStart);
  return !signal.aborted;
}
