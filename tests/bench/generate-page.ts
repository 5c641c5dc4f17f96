// Generates the benchmark page: realistic article markup (sections, paragraphs with inline tags, lists,
// tables) with at least the requested text size, text-node count and term occurrences. Deterministic.

const FILLER = (
  'the county said that officers would review each case before any decision was made and residents asked ' +
  'how long the review would take while the council met again on tuesday to hear more public comment about ' +
  'local budgets schools roads parks water and housing for families who live and work in the area today ' +
  'reporters spoke with teachers nurses drivers and shop owners about what the plan could mean for them'
).split(' ');

export interface GeneratedPage {
  html: string;
  textChars: number;
  textNodes: number;
  /** how many term phrases were written into the page */
  occurrences: number;
}

/** A small seeded PRNG (mulberry32), so every run measures the same page. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function generatePage(options: { terms: string[]; minChars: number; minTextNodes: number; minOccurrences: number; seed?: number }): GeneratedPage {
  const random = rng(options.seed ?? 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  let textChars = 0;
  let textNodes = 0;
  let occurrences = 0;
  const parts: string[] = [];
  const text = (s: string) => {
    textChars += s.length;
    textNodes++;
    return escape(s);
  };
  const words = (n: number) => Array.from({ length: n }, () => pick(FILLER)).join(' ');
  const term = () => {
    occurrences++;
    return pick(options.terms);
  };
  // a sentence: filler text with an inline element, and every few sentences a glossary term
  const sentence = () => {
    const withTerm = random() < 0.55;
    const inline = pick(['em', 'strong', 'a', 'span', 'b', 'i']);
    const open = inline === 'a' ? '<a href="#">' : `<${inline}>`;
    return `${text(`${words(6 + Math.floor(random() * 8))} `)}${open}${text(withTerm ? term() : words(2))}</${inline}>${text(` ${words(5 + Math.floor(random() * 8))}. `)}`;
  };
  let section = 0;
  while (textChars < options.minChars || textNodes < options.minTextNodes || occurrences < options.minOccurrences) {
    section++;
    parts.push(`<section><h2>${text(`Section ${section}: ${words(4)}`)}</h2>`);
    for (let p = 0; p < 4; p++) parts.push(`<p>${Array.from({ length: 4 }, sentence).join('')}</p>`);
    parts.push(`<ul>${Array.from({ length: 4 }, () => `<li>${sentence()}</li>`).join('')}</ul>`);
    parts.push(
      `<table><thead><tr><th>${text('County')}</th><th>${text('Program')}</th><th>${text('Notes')}</th></tr></thead><tbody>` +
        Array.from({ length: 3 }, () => `<tr><td>${text(words(2))}</td><td>${text(random() < 0.5 ? term() : words(2))}</td><td>${text(words(6))}</td></tr>`).join('') +
        `</tbody></table>`,
    );
    parts.push(`<blockquote><p>${sentence()}</p></blockquote></section>`);
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark page</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>
</head><body><main><h1>${text('County enforcement news archive')}</h1>${parts.join('\n')}</main></body></html>`;
  return { html, textChars, textNodes, occurrences };
}

/** A typical article-sized page with no glossary term at all, for the extension's fixed cost. */
export function generatePlainPage(paragraphs = 120): string {
  const random = rng(7);
  const words = (n: number) => Array.from({ length: n }, () => FILLER[Math.floor(random() * FILLER.length)]).join(' ');
  const body = Array.from({ length: paragraphs }, (_, i) => (i % 10 === 0 ? `<h2>${words(4)}</h2>` : `<p>${words(40)} <em>${words(3)}</em> ${words(30)}.</p>`)).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title></head><body><main>${body}</main></body></html>`;
}
