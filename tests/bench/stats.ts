// How sure a benchmark figure is: the benchmark's loads are interleaved round by round, so a figure read from
// them (a median, a paired difference, a ratio of two medians) can be recomputed on the rounds drawn again with
// replacement (a percentile bootstrap), and the spread of those recomputations says how far the figure could
// move in another run on the same machine. The targets of issue 13 sit a few ms from medians that move by as much
// between runs, so the benchmark prints that interval beside each verdict.
import { rng } from './generate-page.ts';

/** The median of the finite numbers of `xs`; NaN when there are none. */
export function median(xs: readonly number[]): number {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export interface Interval {
  low: number;
  high: number;
  /** the share of recomputations between low and high (0.95: a 95% interval) */
  level: number;
}

/**
 * A percentile-bootstrap interval of `statistic` over `rounds` rounds: the rounds' indices are drawn `resamples`
 * times with replacement (seeded, so a run prints the same interval for the same loads), `statistic` is computed
 * on each draw (draws where it is not finite are dropped), and the interval holds the middle `level` of the
 * results. Null when there are no rounds or no finite result.
 */
export function bootstrapInterval(
  rounds: number,
  statistic: (indices: readonly number[]) => number,
  { resamples = 2000, level = 0.95, seed = 13 }: { resamples?: number; level?: number; seed?: number } = {},
): Interval | null {
  if (rounds < 1) return null;
  const random = rng(seed);
  const results: number[] = [];
  const draw = new Array<number>(rounds);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < rounds; i++) draw[i] = Math.floor(random() * rounds);
    const value = statistic(draw);
    if (Number.isFinite(value)) results.push(value);
  }
  if (!results.length) return null;
  results.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const at = (q: number) => results[Math.min(results.length - 1, Math.max(0, Math.round(q * (results.length - 1))))];
  return { low: at(tail), high: at(1 - tail), level };
}

/** The interval of the median of `xs` (one value per round; NaN for a round without one). */
export function medianInterval(xs: readonly number[], options?: { resamples?: number; level?: number; seed?: number }): Interval | null {
  return bootstrapInterval(xs.length, (idx) => median(idx.map((i) => xs[i])), options);
}

/** The interval of median(b) / median(a), rounds drawn together (a[i] and b[i] were loaded in the same round). */
export function ratioInterval(a: readonly number[], b: readonly number[], options?: { resamples?: number; level?: number; seed?: number }): Interval | null {
  const rounds = Math.min(a.length, b.length);
  return bootstrapInterval(rounds, (idx) => median(idx.map((i) => b[i])) / median(idx.map((i) => a[i])), options);
}
