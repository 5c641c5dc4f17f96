// The one shape of a glossary problem, shared by the compiler and every check beside it. Each problem prints as
// one line, `file: field: what is wrong`, and says what the offending text is and what to do about it.

export interface GlossaryProblem {
  /** path of the file as shown to the writer (relative to the working directory where possible) */
  file: string;
  /** the front-matter field path (`sources.2.url`), `body`, `(front matter)`, or `line 12` in a table */
  field: string;
  message: string;
}

export const formatProblem = (p: GlossaryProblem) => `${p.file}: ${p.field}: ${p.message}`;

/** A short, quoted excerpt of offending text for a message: `"…"`, at most `max` characters. */
export function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
