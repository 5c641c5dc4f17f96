// Reads one page load's Chrome trace (CDP Tracing, categories in TRACE_CATEGORIES) from outside the page:
// which renderer main threads served the tab's frames, every top-level task they ran, and which of that work
// was a given script's (by its URL, in trace events and in the V8 sampling profiler's stacks). Nothing is
// asked of the page or the extension, so the same figures exist for every variant the benchmark compares.

/** What the benchmark records: tasks, script events, page timing marks, frames, and V8's sampled stacks. */
export const TRACE_CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
];

/** One trace event as Chrome reports it (ts and dur in µs on one monotonic clock). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** thread (CPU) time of an 'X' event, µs */
  tdur?: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; frame?: string; name?: string };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string };
}

interface ProfileChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/**
 * Figures of one load, in ms; times are from the main frame's navigationStart. "CPU" figures are the main
 * threads' own CPU time (trace thread time), which other processes on a busy machine do not inflate; the
 * others are wall-clock time.
 */
export interface LoadFigures {
  /** top-level task time on every renderer main thread that served the tab's frames, from navigationStart until the benchmark stopped tracing */
  taskMs: number;
  taskCpuMs: number;
  /** how much of it was the script's own: its evaluation, its callbacks, and sampled stacks that hold its code */
  ownMs: number;
  /** own CPU time: in each task, the task's CPU time times the share of its wall time that was own work */
  ownCpuMs: number;
  /** evaluating the script (compile and top level), summed over every frame it ran in */
  evaluateMs: number;
  evaluateCpuMs: number;
  /** frames the script was evaluated in */
  frames: number;
  /** the longest top-level task (anyone's), wall and CPU */
  longestTaskMs: number;
  longestTaskCpuMs: number;
  /** the longest stretch of the script's own work inside one task, wall and CPU */
  longestOwnMs: number;
  longestOwnCpuMs: number;
  /**
   * when the script's page work began: its first own work in the main frame from DOMContentLoaded on (when the
   * browser runs document_end scripts, and when mark.js is set to run), earlier document_start work aside
   */
  ownStartMs: number | null;
  /** end of the script's last own work */
  ownEndMs: number | null;
  /** end of the first frame committed after that: when the last of its marks could be on screen */
  paintedMs: number | null;
  domContentLoadedMs: number | null;
  loadMs: number | null;
  /** sampling interval of the profiler seen in this trace (µs), for the reader's judgement */
  sampleIntervalUs: number;
}

const MAIN_THREAD = 'CrRendererMain';

/** A top-level task: wall-clock start and end (µs) and thread CPU time (µs). */
interface Task {
  ts: number;
  end: number;
  cpu: number;
}

/**
 * Analyses one load. `pageUrl` is the URL the tab navigated to; `ownUrl` tells the script to attribute work to
 * (a URL prefix such as `chrome-extension://<id>/`, or a sourceURL); null attributes nothing (the page alone).
 */
export function analyzeTrace(events: TraceEvent[], pageUrl: string, ownUrl: string | null): LoadFigures {
  const isOwnUrl = (url: unknown) => ownUrl !== null && typeof url === 'string' && url.startsWith(ownUrl);

  // the main frame's navigation to pageUrl: the process it committed in and where time starts
  const nav = events
    .filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl && e.args?.data?.isOutermostMainFrame)
    .sort((a, b) => a.ts - b.ts)
    .pop();
  if (!nav) throw new Error(`no navigationStart for ${pageUrl} in the trace`);
  const start = nav.ts;
  const mainFrame = nav.args?.frame;

  // every renderer process that committed a frame of this tab (the page, same-process and cross-site frames)
  const pids = new Set<number>([nav.pid]);
  for (const e of events) {
    if (e.name === 'FrameCommittedInBrowser' && typeof e.args?.data?.processId === 'number') pids.add(e.args.data.processId);
  }
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const isTabMain = (e: { pid: number; tid: number }) => pids.has(e.pid) && threadNames.get(`${e.pid}:${e.tid}`) === MAIN_THREAD;

  // top-level tasks, nested run loops folded into their outer task
  const tasksByThread = new Map<string, Task[]>();
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !isTabMain(e) || e.ts < start) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = tasksByThread.get(key) ?? [];
    list.push({ ts: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? e.dur ?? 0 });
    tasksByThread.set(key, list);
  }
  for (const [key, list] of tasksByThread) {
    list.sort((a, b) => a.ts - b.ts || b.end - a.end);
    const outer: Task[] = [];
    for (const t of list) {
      const last = outer[outer.length - 1];
      if (last && t.ts < last.end) last.end = Math.max(last.end, t.end);
      else outer.push({ ...t });
    }
    tasksByThread.set(key, outer);
  }
  const cpuShare = (t: Task) => (t.end > t.ts ? Math.min(1, t.cpu / (t.end - t.ts)) : 1);

  // own work: trace events of the script (evaluation, callbacks) and profiler samples with its code on the stack
  const own = new Map<string, { ts: number; end: number }[]>();
  const addOwn = (key: string, ts: number, endTs: number) => {
    const list = own.get(key) ?? [];
    list.push({ ts, end: endTs });
    own.set(key, list);
  };
  let evaluateUs = 0;
  let evaluateCpuUs = 0;
  let frames = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !isTabMain(e) || e.ts < start) continue;
    if ((e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame') && isOwnUrl(e.args?.data?.url)) {
      addOwn(`${e.pid}:${e.tid}`, e.ts, e.ts + (e.dur ?? 0));
      if (e.name === 'EvaluateScript') {
        evaluateUs += e.dur ?? 0;
        evaluateCpuUs += e.tdur ?? e.dur ?? 0;
        frames++;
      }
    }
  }
  const samples = ownSamples(events, isTabMain, isOwnUrl);
  for (const s of samples.own) if (s.ts >= start) addOwn(s.key, s.ts, s.ts + s.dur);

  let ownUs = 0;
  let ownCpuUs = 0;
  let longestOwnUs = 0;
  let longestOwnCpuUs = 0;
  let ownEnd: { key: string; at: number } | null = null;
  for (const [key, list] of own) {
    const merged = mergeIntervals(list);
    for (const m of merged) {
      ownUs += m.end - m.ts;
      if (!ownEnd || m.end > ownEnd.at) ownEnd = { key, at: m.end };
    }
    // own work inside each task: its wall time, its share of the task's CPU time, and the stretch from the
    // first own moment to the last
    let i = 0;
    for (const t of tasksByThread.get(key) ?? []) {
      while (i < merged.length && merged[i].end <= t.ts) i++;
      let wall = 0;
      let first = -1;
      let last = -1;
      for (let j = i; j < merged.length && merged[j].ts < t.end; j++) {
        const from = Math.max(t.ts, merged[j].ts);
        const to = Math.min(t.end, merged[j].end);
        if (to <= from) continue;
        wall += to - from;
        if (first < 0) first = from;
        last = to;
      }
      if (first < 0) continue;
      ownCpuUs += wall * cpuShare(t);
      longestOwnUs = Math.max(longestOwnUs, last - first);
      longestOwnCpuUs = Math.max(longestOwnCpuUs, (last - first) * cpuShare(t));
    }
  }

  let taskUs = 0;
  let taskCpuUs = 0;
  let longestTaskUs = 0;
  let longestTaskCpuUs = 0;
  for (const list of tasksByThread.values()) {
    for (const t of list) {
      taskUs += t.end - t.ts;
      taskCpuUs += t.cpu;
      longestTaskUs = Math.max(longestTaskUs, t.end - t.ts);
      longestTaskCpuUs = Math.max(longestTaskCpuUs, t.cpu);
    }
  }

  // painted: the end of the task holding the script's last work, then the next frame the main frame commits
  let paintedMs: number | null = null;
  let ownEndMs: number | null = null;
  if (ownEnd) {
    const task = (tasksByThread.get(ownEnd.key) ?? []).find((t) => t.ts <= ownEnd!.at && ownEnd!.at <= t.end);
    const after = task ? task.end : ownEnd.at;
    ownEndMs = (after - start) / 1000;
    const commit = events
      .filter((e) => e.name === 'Commit' && e.ph === 'X' && e.pid === nav.pid && isTabMain(e) && e.ts >= after)
      .sort((a, b) => a.ts - b.ts)[0];
    paintedMs = commit ? (commit.ts + (commit.dur ?? 0) - start) / 1000 : ownEndMs;
  }

  // the page's own timing marks: the frame's initial empty document fires its own first, so the last one counts
  const mark = (name: string) => {
    const e = events.filter((x) => x.name === name && x.args?.frame === mainFrame && x.pid === nav.pid && x.ts >= start).sort((a, b) => a.ts - b.ts).pop();
    return e ? (e.ts - start) / 1000 : null;
  };
  const dcl = mark('domContentLoadedEventStart');
  let ownStartMs: number | null = null;
  for (const [key, list] of own) {
    if (!key.startsWith(`${nav.pid}:`)) continue;
    for (const i of list) {
      const at = (i.ts - start) / 1000;
      if (dcl !== null && at < dcl) continue;
      if (ownStartMs === null || at < ownStartMs) ownStartMs = at;
    }
  }
  return {
    taskMs: taskUs / 1000,
    taskCpuMs: taskCpuUs / 1000,
    ownMs: ownUs / 1000,
    ownCpuMs: ownCpuUs / 1000,
    evaluateMs: evaluateUs / 1000,
    evaluateCpuMs: evaluateCpuUs / 1000,
    frames,
    longestTaskMs: longestTaskUs / 1000,
    longestTaskCpuMs: longestTaskCpuUs / 1000,
    longestOwnMs: longestOwnUs / 1000,
    longestOwnCpuMs: longestOwnCpuUs / 1000,
    ownStartMs,
    ownEndMs,
    paintedMs,
    domContentLoadedMs: dcl,
    loadMs: mark('loadEventStart'),
    sampleIntervalUs: samples.intervalUs,
  };
}

function mergeIntervals(list: { ts: number; end: number }[]): { ts: number; end: number }[] {
  const sorted = [...list].sort((a, b) => a.ts - b.ts);
  const out: { ts: number; end: number }[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.ts <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/**
 * The V8 sampling profiler's samples on the tab's main threads whose stack holds a frame of the own script,
 * each with the time until the next sample (capped, so a gap in sampling is not counted as work).
 */
function ownSamples(
  events: TraceEvent[],
  isTabMain: (e: { pid: number; tid: number }) => boolean,
  isOwnUrl: (url: unknown) => boolean,
): { own: { key: string; ts: number; dur: number }[]; intervalUs: number } {
  // a profile is announced on the thread it samples; its chunks may come from another thread of the process
  const profiles = new Map<string, { key: string; time: number; nodes: Map<number, ProfileNode>; ownNode: Map<number, boolean>; samples: { ts: number; node: number }[] }>();
  for (const e of events) {
    if (e.name !== 'Profile' || !isTabMain(e)) continue;
    const data = e.args?.data as { startTime?: number } | undefined;
    profiles.set(`${e.pid}:${e.id}`, { key: `${e.pid}:${e.tid}`, time: data?.startTime ?? e.ts, nodes: new Map(), ownNode: new Map(), samples: [] });
  }
  const chunks = events.filter((e) => e.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const profile = profiles.get(`${e.pid}:${e.id}`);
    if (!profile) continue;
    const data = e.args?.data as ProfileChunkData | undefined;
    for (const n of data?.cpuProfile?.nodes ?? []) profile.nodes.set(n.id, n);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      profile.time += deltas[i] ?? 0;
      profile.samples.push({ ts: profile.time, node: ids[i] });
    }
  }
  const isOwnNode = (profile: { nodes: Map<number, ProfileNode>; ownNode: Map<number, boolean> }, id: number): boolean => {
    const known = profile.ownNode.get(id);
    if (known !== undefined) return known;
    const node = profile.nodes.get(id);
    const result = !!node && (isOwnUrl(node.callFrame.url) || (node.parent !== undefined && isOwnNode(profile, node.parent)));
    profile.ownNode.set(id, result);
    return result;
  };
  const gaps: number[] = [];
  for (const p of profiles.values()) for (let i = 1; i < p.samples.length; i++) gaps.push(p.samples[i].ts - p.samples[i - 1].ts);
  gaps.sort((a, b) => a - b);
  const intervalUs = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  const cap = Math.max(intervalUs * 4, 1000);
  const own: { key: string; ts: number; dur: number }[] = [];
  for (const p of profiles.values()) {
    p.samples.sort((a, b) => a.ts - b.ts);
    for (let i = 0; i < p.samples.length; i++) {
      const s = p.samples[i];
      if (!isOwnNode(p, s.node)) continue;
      const next = p.samples[i + 1]?.ts ?? s.ts + intervalUs;
      own.push({ key: p.key, ts: s.ts, dur: Math.min(next - s.ts, cap) });
    }
  }
  return { own, intervalUs };
}
