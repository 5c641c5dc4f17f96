// A matcher compiled when first asked to find something: a frame with no words to match (an ad slot, a
// tracking pixel, an empty about:blank) never builds the trie, whose cost grows with the glossary.
import type { Matcher } from '@/glossary/runtime/matcher';

export interface LazyMatcher extends Matcher {
  /** ms spent compiling, once compiled (0 before) */
  readonly compileMs: number;
}

const EMPTY: Matcher = { find: () => [], size: 0, nodes: 0 };

/**
 * Wraps `compile`, called at most once, on the first use. Should it throw (an index the matcher cannot
 * read), `onError` gets the error once and the matcher finds nothing from then on.
 */
export function lazyMatcher(compile: () => Matcher, onError: (error: unknown) => void = () => {}): LazyMatcher {
  let compiled: Matcher | null = null;
  let compileMs = 0;
  const get = (): Matcher => {
    if (!compiled) {
      const t0 = performance.now();
      try {
        compiled = compile();
      } catch (e) {
        compiled = EMPTY;
        try {
          onError(e);
        } catch {
          // a failing report must not make the script throw either
        }
      }
      compileMs = performance.now() - t0;
    }
    return compiled;
  };
  return {
    find: (text) => get().find(text),
    get size() {
      return get().size;
    },
    get nodes() {
      return get().nodes;
    },
    get compileMs() {
      return compileMs;
    },
  };
}
