// The benchmark's trace reading (tests/bench/trace.ts) on a small hand-made trace whose figures are known:
// which threads count, nested tasks, CPU against wall time, own work from trace events and from sampled stacks.
import { describe, expect, it } from 'vitest';
import { analyzeTrace, type TraceEvent } from '../bench/trace.ts';

const URL = 'http://127.0.0.1:1/bench/plain.html';
const OWN = 'chrome-extension://abc/';
const ev = (e: Partial<TraceEvent> & Pick<TraceEvent, 'name' | 'pid' | 'ts'>): TraceEvent => ({ cat: 'x', ph: 'X', tid: e.pid, ...e });
const thread = (pid: number, name: string): TraceEvent => ({ name: 'thread_name', cat: '__metadata', ph: 'M', pid, tid: pid, ts: 0, args: { name } });

// pid 1: the page's renderer; pid 2: a cross-site frame's renderer; pid 3: another renderer (not the tab's)
const TRACE: TraceEvent[] = [
  thread(1, 'CrRendererMain'),
  thread(2, 'CrRendererMain'),
  thread(3, 'CrRendererMain'),
  ev({ name: 'RunTask', pid: 1, ts: 500, dur: 300, tdur: 300 }), // before navigationStart: not counted
  ev({ name: 'navigationStart', ph: 'R', pid: 1, ts: 1000, args: { data: { documentLoaderURL: URL, isOutermostMainFrame: true }, frame: 'F' } }),
  // the frame's initial empty document fires its own DOMContentLoaded first
  ev({ name: 'domContentLoadedEventStart', ph: 'R', pid: 1, ts: 1100, args: { frame: 'F' } }),
  ev({ name: 'domContentLoadedEventStart', ph: 'R', pid: 1, ts: 3000, args: { frame: 'F' } }),
  ev({ name: 'FrameCommittedInBrowser', ph: 'I', pid: 0, ts: 4000, args: { data: { processId: 2 } } }),
  // a document_start script, then the script is evaluated in the page's first task…
  ev({ name: 'RunTask', pid: 1, ts: 2000, dur: 10_000, tdur: 8000 }),
  ev({ name: 'EvaluateScript', pid: 1, ts: 2500, dur: 100, tdur: 100, args: { data: { url: `${OWN}early.js` } } }),
  ev({ name: 'EvaluateScript', pid: 1, ts: 3000, dur: 4000, tdur: 3000, args: { data: { url: `${OWN}content.js` } } }),
  // …and in the cross-site frame, whose task got half its wall time as CPU
  ev({ name: 'RunTask', pid: 2, ts: 5000, dur: 4000, tdur: 2000 }),
  ev({ name: 'EvaluateScript', pid: 2, ts: 5000, dur: 2000, tdur: 2000, args: { data: { url: `${OWN}content.js` } } }),
  // a later task: a nested run loop inside it counts once; its own work is only seen in sampled stacks
  ev({ name: 'RunTask', pid: 1, ts: 20_000, dur: 30_000, tdur: 30_000 }),
  ev({ name: 'RunTask', pid: 1, ts: 25_000, dur: 1000, tdur: 1000 }),
  ev({ name: 'Profile', ph: 'P', pid: 1, ts: 20_000, id: '0x1', args: { data: { startTime: 20_000 } } }),
  ev({
    name: 'ProfileChunk',
    ph: 'P',
    pid: 1,
    tid: 99,
    ts: 50_000,
    id: '0x1',
    args: {
      data: {
        cpuProfile: {
          nodes: [
            { id: 1, callFrame: { functionName: '(root)' } },
            { id: 2, parent: 1, callFrame: { functionName: 'scan', url: `${OWN}content.js` } },
            { id: 3, parent: 2, callFrame: { functionName: 'nextNode', url: '' } },
            { id: 4, parent: 1, callFrame: { functionName: 'app', url: 'http://127.0.0.1:1/app.js' } },
          ],
          samples: [2, 3, 3, 4, 2],
        },
        timeDeltas: [1000, 1000, 1000, 1000, 1000],
      },
    },
  }),
  ev({ name: 'Commit', pid: 1, ts: 55_000, dur: 500, tdur: 500 }),
  ev({ name: 'RunTask', pid: 1, ts: 55_000, dur: 600, tdur: 600 }),
  // another renderer's work is not the tab's
  ev({ name: 'RunTask', pid: 3, ts: 30_000, dur: 9000, tdur: 9000 }),
  ev({ name: 'EvaluateScript', pid: 3, ts: 30_000, dur: 9000, tdur: 9000, args: { data: { url: `${OWN}background.js` } } }),
];

describe('analyzeTrace', () => {
  it('counts the tab\'s main-thread tasks and the script\'s own share of them', () => {
    const f = analyzeTrace(TRACE, URL, OWN);
    expect(f.taskMs).toBeCloseTo(10 + 30 + 4 + 0.6);
    expect(f.taskCpuMs).toBeCloseTo(8 + 30 + 2 + 0.6);
    expect(f.longestTaskMs).toBeCloseTo(30);
    expect(f.evaluateMs).toBeCloseTo(6.1);
    expect(f.evaluateCpuMs).toBeCloseTo(5.1);
    expect(f.frames).toBe(3);
    // own wall: 4.1 ms evaluating, 4 ms of samples (21–24 and 25–26 ms), 2 ms in the frame
    expect(f.ownMs).toBeCloseTo(10.1);
    // own CPU: each task's CPU share of its own wall time (0.8, 1, 0.5)
    expect(f.ownCpuMs).toBeCloseTo(4.1 * 0.8 + 4 + 2 * 0.5);
    // the longest own stretch: from the first own sample (21 ms) to the end of the last (26 ms)
    expect(f.longestOwnMs).toBeCloseTo(5);
    expect(f.longestOwnCpuMs).toBeCloseTo(5);
    // its last work ends with the task at 50 ms; the next frame is committed at 55.5 ms (from navigationStart at 1 ms)
    expect(f.ownEndMs).toBeCloseTo(49);
    // its page work began with the evaluation after DOMContentLoaded (2 ms), the document_start script aside
    expect(f.ownStartMs).toBeCloseTo(2);
    expect(f.paintedMs).toBeCloseTo(54.5);
    expect(f.domContentLoadedMs).toBeCloseTo(2);
    expect(f.sampleIntervalUs).toBe(1000);
  });

  it('attributes nothing when no script is named', () => {
    const f = analyzeTrace(TRACE, URL, null);
    expect(f).toMatchObject({ ownMs: 0, ownCpuMs: 0, evaluateMs: 0, frames: 0, paintedMs: null, ownStartMs: null, ownEndMs: null });
    expect(f.taskCpuMs).toBeCloseTo(40.6);
  });

  it('refuses a trace without the page\'s navigation', () => {
    expect(() => analyzeTrace(TRACE, 'http://127.0.0.1:1/other.html', OWN)).toThrow(/no navigationStart/);
  });
});
