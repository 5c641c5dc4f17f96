// The benchmark's intervals (tests/bench/stats.ts): medians, and percentile-bootstrap intervals of a median and of a
// ratio of medians over rounds, on numbers whose answers are known.
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, median, medianInterval, ratioInterval } from '../bench/stats.ts';
import { rng } from '../bench/generate-page.ts';

const noisy = (n: number, centre: number, spread: number, seed: number) => {
  const random = rng(seed);
  return Array.from({ length: n }, () => centre + (random() - 0.5) * 2 * spread);
};

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones, of the finite numbers', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5, Infinity, 1])).toBe(3);
    expect(median([])).toBeNaN();
  });
});

describe('bootstrap intervals', () => {
  it('hold the median of the loads, and are the same for the same loads', () => {
    const xs = noisy(27, 10, 6, 1);
    const interval = medianInterval(xs)!;
    expect(interval.low).toBeLessThanOrEqual(median(xs));
    expect(interval.high).toBeGreaterThanOrEqual(median(xs));
    expect(interval.level).toBe(0.95);
    expect(medianInterval(xs)).toEqual(interval);
  });

  it('narrow as rounds are added, and widen with the spread of the loads', () => {
    const width = (xs: number[]) => {
      const i = medianInterval(xs)!;
      return i.high - i.low;
    };
    expect(width(noisy(200, 10, 6, 2))).toBeLessThan(width(noisy(9, 10, 6, 2)));
    expect(width(noisy(27, 10, 1, 3))).toBeLessThan(width(noisy(27, 10, 10, 3)));
    // a figure that does not vary has an interval of that figure alone
    expect(medianInterval([4, 4, 4, 4, 4])).toEqual({ low: 4, high: 4, level: 0.95 });
  });

  it('tell a ratio of medians clear of 1.2 from one that is not', () => {
    const base = noisy(41, 500, 40, 4);
    const flat = base.map((x, i) => x * 1.05 + (i % 3) - 1);
    const grown = base.map((x) => x * 1.6);
    expect(ratioInterval(base, flat)!.high).toBeLessThan(1.2);
    expect(ratioInterval(base, grown)!.low).toBeGreaterThan(1.2);
  });

  it('give nothing for no rounds, or for a statistic that is never finite; skip the draws where it is not', () => {
    expect(medianInterval([])).toBeNull();
    expect(bootstrapInterval(5, () => NaN)).toBeNull();
    const xs = [1, NaN, 3, NaN, 5];
    const interval = medianInterval(xs)!;
    expect(interval.low).toBeGreaterThanOrEqual(1);
    expect(interval.high).toBeLessThanOrEqual(5);
  });
});
