// What the hostile suite measures on the main thread. Two figures:
// - the page's own 10 ms timer: how late it fires at worst (a setTimeout chain started before any of the page's
//   scripts, in the page's world, as the page's own code would), in both browsers, with and without the extension;
// - the extension's longest main-thread task (Chromium): from a trace of the tab's renderer (Tracing over the
//   DevTools protocol: the scheduler's top-level tasks, and the V8 sampling profiler's stacks), a task counts as
//   the extension's work for the time its samples show the content script's code on the stack. Wall-clock time,
//   as long-task entries measure it.
import type { CDPSession } from 'playwright-core';
import type { Tab } from '../driver';
import type { ChromiumTab } from '../driver/chromium';

/** The page's own timer: every 10 ms, records how late it fired (ms). Installed as an init script. */
export function installPageClock(): void {
  const w = window as unknown as { __clock?: { ticks: number[]; late: number[] } };
  if (w.__clock) return;
  const timeout = setTimeout; // kept: a hostile page may replace it
  const now = performance.now.bind(performance);
  const clock = { ticks: [] as number[], late: [] as number[] };
  w.__clock = clock;
  let last = now();
  const tick = () => {
    const t = now();
    clock.ticks.push(t);
    clock.late.push(t - last - 10);
    last = t;
    timeout(tick, 10);
  };
  timeout(tick, 10);
}

export interface ClockReading {
  /** the worst lateness of the page's 10 ms timer up to `until` (ms) */
  maxLateMs: number;
  /** when (page time, ms) that was */
  at: number;
  /** how many times it fired */
  ticks: number;
}

/**
 * The page clock's worst lateness from the page's start up to `until` ms of its time; with `from`, only the holds
 * that began at or after `from` ms (a hold of the timer begins when it was due).
 */
export async function readClock(tab: Tab, until: number, from = 0): Promise<ClockReading> {
  return tab.evaluate(([end, begin]) => {
    const clock = (window as unknown as { __clock: { ticks: number[]; late: number[] } }).__clock;
    let max = 0;
    let at = 0;
    let n = 0;
    for (let i = 0; i < clock.ticks.length && clock.ticks[i] <= end; i++, n++) {
      if (clock.ticks[i] - clock.late[i] < begin) continue;
      if (clock.late[i] > max) {
        max = clock.late[i];
        at = clock.ticks[i];
      }
    }
    return { maxLateMs: Math.round(max), at: Math.round(at), ticks: n };
  }, [until, from] as const);
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time of a complete event, µs */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: Record<string, unknown> & { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[]; startTime?: number } };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

export interface MainThreadFigures {
  /** the longest time the extension's code ran within one main-thread task (ms, wall clock) */
  longestOwnTaskMs: number;
  /**
   * the same in the main thread's own CPU time (the task's thread time, in the share of its samples that show the
   * extension's code): what the extension's code took, without the time the machine gave to other processes
   */
  longestOwnTaskCpuMs: number;
  /** that task's whole length (ms) */
  thatTaskMs: number;
  /** the longest task on the tab's main thread, the page's own included (ms) */
  longestTaskMs: number;
  /** the extension's time on the main thread in all (ms) */
  ownTotalMs: number;
}

/** Starts tracing a Chromium tab's renderer; `stop()` ends it and works out the figures. */
export async function traceMainThread(tab: ChromiumTab, extensionOrigin: string): Promise<{ stop: () => Promise<MainThreadFigures> }> {
  const cdp: CDPSession = await tab.page.context().newCDPSession(tab.page);
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-v8.cpu_profiler',
    transferMode: 'ReturnAsStream',
  } as never);
  return {
    stop: async () => {
      const complete = new Promise<{ stream: string }>((resolve) => cdp.once('Tracing.tracingComplete' as never, resolve as never));
      await cdp.send('Tracing.end');
      const { stream } = await complete;
      const parts: string[] = [];
      for (;;) {
        const chunk = (await cdp.send('IO.read', { handle: stream } as never)) as unknown as { data: string; base64Encoded?: boolean; eof: boolean };
        parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream } as never);
      await cdp.detach();
      const parsed = JSON.parse(parts.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      return mainThreadFigures(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []), extensionOrigin);
    },
  };
}

/** Works out the figures from trace events (see the file comment). */
export function mainThreadFigures(events: TraceEvent[], extensionOrigin: string): MainThreadFigures {
  const ours = (url: unknown) => typeof url === 'string' && url.startsWith(extensionOrigin);
  // the renderer main thread that ran the content script
  const start = events.find((e) => e.name === 'EvaluateScript' && ours(e.args?.data?.url));
  if (!start) return { longestOwnTaskMs: 0, longestOwnTaskCpuMs: 0, thatTaskMs: 0, longestTaskMs: 0, ownTotalMs: 0 };
  const { pid, tid } = start;
  // the thread's top-level work: the scheduler's tasks, and microtask checkpoints run outside them (where promise
  // continuations can run), each counted once, outermost
  const tasks: TraceEvent[] = [];
  for (const e of events.filter((x) => x.pid === pid && x.tid === tid && x.ph === 'X' && x.dur !== undefined && x.cat.split(',').includes('toplevel')).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    const outer = tasks[tasks.length - 1];
    if (outer && e.ts < outer.ts + outer.dur!) continue;
    tasks.push(e);
  }
  // the sampling profiler of that thread: its stacks, and when each sample was taken
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const nodes = new Map<number, ProfileNode>();
  const own = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = own.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const result = !!node && (ours(node.callFrame.url) || (node.parent !== undefined && isOurs(node.parent)));
    own.set(id, result);
    return result;
  };
  const samples: { t: number; ours: boolean; node: number }[] = [];
  if (profile) {
    let t = Number(profile.args?.data?.startTime ?? 0);
    // chunks in the order they were written (the trace's order is not), all their nodes known before any sample
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid).sort((a, b) => a.ts - b.ts);
    for (const chunk of chunks) for (const node of chunk.args?.data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    for (const chunk of chunks) {
      const data = chunk.args?.data;
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        t += deltas[i] ?? 0;
        samples.push({ t, ours: isOurs(ids[i]), node: ids[i] });
      }
    }
  }
  samples.sort((a, b) => a.t - b.t);
  // each sample stands for the time until the next one (at most 2 ms: a gap is idle time, not ours)
  const ownIn = new Map<TraceEvent, number>();
  const samplesIn = new Map<TraceEvent, { all: number; ours: number }>();
  let ti = 0;
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    while (ti < tasks.length && tasks[ti].ts + tasks[ti].dur! < s.t) ti++;
    const task = tasks[ti];
    if (!task || task.ts > s.t) continue;
    const count = samplesIn.get(task) ?? { all: 0, ours: 0 };
    samplesIn.set(task, count);
    count.all++;
    if (!s.ours) continue;
    count.ours++;
    const weight = Math.min((samples[i + 1]?.t ?? s.t) - s.t, 2000);
    ownIn.set(task, (ownIn.get(task) ?? 0) + weight);
    total += weight;
  }
  let longestCpu = 0;
  for (const [task, { all, ours: mine }] of samplesIn) {
    if (!mine) continue;
    longestCpu = Math.max(longestCpu, ((task.tdur ?? task.dur!) * mine) / all);
  }
  let longest = 0;
  let that = 0;
  let longestTask: TraceEvent | null = null;
  for (const [task, us] of ownIn) {
    if (us > longest) {
      longest = us;
      that = task.dur!;
      longestTask = task;
    }
  }
  if (process.env.TRACE_DEBUG && longestTask) {
    // where the longest task of ours spent its time: the innermost named frames of its samples
    const counts = new Map<string, number>();
    for (const s of samples) {
      if (s.t < longestTask.ts || s.t > longestTask.ts + longestTask.dur!) continue;
      const names: string[] = [];
      for (let id: number | undefined = s.node; id !== undefined && names.length < 4; id = nodes.get(id)?.parent) {
        const f = nodes.get(id)?.callFrame;
        if (f?.functionName) names.push(f.functionName);
      }
      const key = names.join(' < ') || '(unnamed)';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    console.error('longest own task', longest / 1000, 'ms:', [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12));
    // the same in time order, runs of one innermost frame counted: one long run is one long call (a native
    // one that grows a table of the browser's, say), many short ones a loop
    const seq: string[] = [];
    let prev = '';
    let n = 0;
    for (const s of samples) {
      if (s.t < longestTask.ts || s.t > longestTask.ts + longestTask.dur!) continue;
      const leaf = nodes.get(s.node)?.callFrame.functionName || '?';
      if (leaf === prev) n++;
      else {
        if (prev) seq.push(`${prev}×${n}`);
        prev = leaf;
        n = 1;
      }
    }
    seq.push(`${prev}×${n}`);
    console.error('in time order:', seq.join(' '));
    // the browser's own work in that task: style, layout, paint (with how much of the page each covered)
    const inTask = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= longestTask!.ts && e.ts <= longestTask!.ts + longestTask!.dur! && e.dur! > 1000 && ['UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'UpdateLayerTree', 'Paint', 'HitTest'].includes(e.name));
    console.error('browser work in it:', inTask.map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)} ms ${JSON.stringify((e.args as Record<string, unknown> | undefined)?.beginData ?? '')}`).join('; '));
    // and with TRACE_GC=1, every garbage collection on that thread from the content script's start, with our
    // time in the task it ran in
    if (process.env.TRACE_GC) {
      const t0 = start.ts;
      for (const e of events.filter((x) => x.pid === pid && x.tid === tid && x.ph === 'X' && (x.name === 'MinorGC' || x.name === 'MajorGC') && x.ts >= t0)) {
        const task = tasks.find((t) => t.ts <= e.ts && e.ts <= t.ts + t.dur!);
        const a = (e.args ?? {}) as Record<string, number>;
        console.error(`GC ${e.name} at +${((e.ts - t0) / 1000).toFixed(0)} ms: ${(e.dur! / 1000).toFixed(1)} ms, heap ${(a.usedHeapSizeBefore / 1e6).toFixed(1)}->${(a.usedHeapSizeAfter / 1e6).toFixed(1)} MB, task ours ${task ? ((ownIn.get(task) ?? 0) / 1000).toFixed(1) : '-'} ms`);
      }
    }
  }
  return {
    longestOwnTaskMs: Math.round(longest / 100) / 10,
    longestOwnTaskCpuMs: Math.round(longestCpu / 100) / 10,
    thatTaskMs: Math.round(that / 100) / 10,
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.dur!)) / 100) / 10,
    ownTotalMs: Math.round(total / 100) / 10,
  };
}
