// A matcher compiled when first asked to find something: a frame with no words to match (an ad slot, a
// tracking pixel, an empty about:blank) never builds the trie, whose cost grows with the glossary.
import type { Matcher } from '@/glossary/runtime/matcher';

export interface LazyMatcher extends Matcher {
  /** ms spent compiling, once compiled (0 before) */
  readonly compileMs: number;
}

export function lazyMatcher(compile: () => Matcher): LazyMatcher {
  let compiled: Matcher | null = null;
  let compileMs = 0;
  const get = (): Matcher => {
    if (!compiled) {
      const t0 = performance.now();
      compiled = compile();
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
