// validate: the few checks settings and messages need, written out. (A schema library cost the content script
// 6.9 kB for these; each check here is a line.) A check returns the value it accepts — for a list, a fresh array
// of the accepted items — or INVALID; it never throws and never reads more than it checks.

/** What a check returns for a value it rejects. */
export const INVALID: unique symbol = Symbol('invalid');

/** A check: `value` as accepted (possibly a fresh copy), or INVALID. */
export type Check<T> = (value: unknown) => T | typeof INVALID;

export const isBoolean: Check<boolean> = (value) => (typeof value === 'boolean' ? value : INVALID);

export const isString: Check<string> = (value) => (typeof value === 'string' ? value : INVALID);

/** A whole number from `min` to `max`, both included. */
export function integerIn(min: number, max: number): Check<number> {
  return (value) => (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : INVALID);
}

/** A string of at most `maxLength` characters that `pattern` matches (the length is checked first). */
export function stringMatching(pattern: RegExp, maxLength: number): Check<string> {
  return (value) => (typeof value === 'string' && value.length <= maxLength && pattern.test(value) ? value : INVALID);
}

/** One of `choices`. */
export function oneOf<const T extends readonly string[]>(choices: T): Check<T[number]> {
  return (value) => ((choices as readonly unknown[]).includes(value) ? (value as T[number]) : INVALID);
}

/** An array of at most `maxLength` items, every one accepted by `item`. */
export function listOf<T>(item: Check<T>, maxLength: number): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value) || value.length > maxLength) return INVALID;
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const accepted = item(value[i]);
      if (accepted === INVALID) return INVALID;
      out.push(accepted);
    }
    return out;
  };
}

/** True when `check` accepts `value`. */
export function passes<T>(check: Check<T>, value: unknown): value is T {
  return check(value) !== INVALID;
}
