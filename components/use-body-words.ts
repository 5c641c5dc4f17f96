// The words of the article bodies for search (virtual:glossary/body-words) arrive after a page is up, so the
// popup and the index open at once and search titles, aliases and summaries meanwhile.
import { useEffect, useState } from 'preact/hooks';
import type { BodyWordIndex } from '@/glossary/runtime/types';

/** The body words once `load` has given them; undefined before, or for good when it fails. */
export function useBodyWords(load?: () => Promise<BodyWordIndex>): BodyWordIndex | undefined {
  const [words, setWords] = useState<BodyWordIndex>();
  useEffect(() => {
    let live = true;
    load?.().then(
      (w) => live && setWords(w),
      () => {}, // search goes on without them
    );
    return () => {
      live = false;
    };
  }, [load]);
  return words;
}
