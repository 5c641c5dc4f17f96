// unicode-classes: the regular expressions that need Unicode property classes (\p{L}, \p{N}, \p{M}, \p{Lu}), each
// made the first time it is used, and the word test most text passes without one. V8 reads a regular expression
// literal's pattern when it parses the script (an invalid one is a SyntaxError before anything runs) and again
// when the literal is first evaluated, and a property class has it load ICU's character tables: about 0.1-0.4 ms
// per pattern in a fresh process (Node 20, 2-core machine), paid by every page the script runs on. The first pass
// is compiled on the page's main thread on every page, and the highlighter evaluated ten such literals at its top
// level, though plain ASCII text, most of what pages hold, never needs one (issue 13). A pattern given here as a
// string is read only when it is made.

/**
 * A getter for one RegExp of `source` and `flags`, made on the first call and the same object on every call after
 * (so a `g` or `y` pattern's lastIndex is shared, as a module-level literal's is). Throws a SyntaxError on that
 * first call if the pattern is invalid (the unit tests make every one).
 */
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let made: RegExp | null = null;
  return () => (made ??= new RegExp(source, flags));
}

/** A letter or a digit of any script. */
const LETTER_OR_DIGIT = lazyRegExp('[\\p{L}\\p{N}]', 'u');

/**
 * Whether `text` holds a letter or a digit of any script (Unicode L or N): a text without one holds no word.
 * ASCII letters and digits are looked for by character code, and the Unicode classes only when there are none
 * but a character past ASCII is there: on a term-free article, the first use of a regular expression in the
 * content scripts' world was 0.8 ms of the first pass's CPU (sampled, 15 loads, a slow 2-core machine).
 */
export function hasWord(text: string): boolean {
  let beyondAscii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) return true;
    if (c >= 128) beyondAscii = true;
  }
  return beyondAscii && LETTER_OR_DIGIT().test(text);
}

/** True for a character past ASCII. */
export const NOT_ASCII = /[^\0-\x7f]/;
