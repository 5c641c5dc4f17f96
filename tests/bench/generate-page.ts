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

/** A small seeded PRNG (mulberry32), so every run measures the same page: numbers in [0, 1). */
export function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function generatePage(options: {
  terms: string[];
  minChars: number;
  minTextNodes: number;
  minOccurrences: number;
  seed?: number;
  /** the share of sentences (and table cells) that carry a term; 0.55 unless given */
  termRate?: number;
}): GeneratedPage {
  const termRate = options.termRate ?? 0.55;
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
    const withTerm = random() < termRate;
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
        Array.from({ length: 3 }, () => `<tr><td>${text(words(2))}</td><td>${text(random() < termRate * (0.5 / 0.55) ? term() : words(2))}</td><td>${text(words(6))}</td></tr>`).join('') +
        `</tbody></table>`,
    );
    parts.push(`<blockquote><p>${sentence()}</p></blockquote></section>`);
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark page</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>
</head><body><main><h1>${text('County enforcement news archive')}</h1>${parts.join('\n')}</main></body></html>`;
  return { html, textChars, textNodes, occurrences };
}

/**
 * A typical article-sized page (about 9,000 words in 120 paragraphs and headings), with no glossary term at all
 * unless `terms` are given: those are written into evenly spaced paragraphs, one each, in order.
 */
export function generateArticle(options: { paragraphs?: number; terms?: string[]; title?: string } = {}): string {
  const paragraphs = options.paragraphs ?? 120;
  const terms = options.terms ?? [];
  const random = rng(7);
  const words = (n: number) => Array.from({ length: n }, () => FILLER[Math.floor(random() * FILLER.length)]).join(' ');
  const termAt = new Map(terms.map((t, i) => [Math.floor(((i + 0.5) * paragraphs) / terms.length) | 1, t]));
  const body = Array.from({ length: paragraphs }, (_, i) => {
    if (i % 10 === 0) return `<h2>${words(4)}</h2>`;
    const term = termAt.get(i);
    return `<p>${words(40)} <em>${words(3)}</em> ${term ? `${words(5)} ${escape(term)} ` : ''}${words(30)}.</p>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(options.title ?? 'Plain page')}</title></head><body><main>${body}</main></body></html>`;
}

/** A typical article-sized page with no glossary term at all, for the extension's fixed cost. */
export function generatePlainPage(paragraphs = 120): string {
  return generateArticle({ paragraphs });
}

/** What an ad or tracking frame holds: a 1×1 image and a script, no words. */
export const AD_FRAME_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;overflow:hidden}</style></head><body>' +
  '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" width="1" height="1" alt="">' +
  '<script>window.__slot = (window.__slot || 0) + 1;</script></body></html>';

/**
 * `article` (a whole page) with `frames` ad-like iframes spread through its body: tiny or invisible, with no
 * words. They cycle through a same-origin frame (`sameOrigin`), a cross-origin one (`crossOrigin`, another
 * site, so another renderer process), an about:blank frame that a script fills in (as ad slots do), and a
 * display:none frame.
 */
export function withAdFrames(article: string, options: { frames: number; sameOrigin: string; crossOrigin: string }): string {
  const style = ['width="1" height="1" style="border:0"', 'width="300" height="250" style="border:0;visibility:hidden;position:absolute;left:-9999px"', 'style="display:none"'];
  const frames = Array.from({ length: options.frames }, (_, i) => {
    const kind = i % 4;
    const look = style[i % style.length];
    if (kind === 0) return `<iframe src="${options.sameOrigin}" ${look} title=""></iframe>`;
    if (kind === 1 || kind === 3) return `<iframe src="${options.crossOrigin}" ${look} title=""></iframe>`;
    return `<iframe id="slot-${i}" ${look} title=""></iframe><script>(function(){var d=document.getElementById('slot-${i}').contentDocument;d.open();d.write(${JSON.stringify(AD_FRAME_HTML).replace(/<\/script>/g, '<\\/script>')});d.close();})()</script>`;
  });
  let n = 0;
  // after every few paragraphs, one frame
  const every = Math.max(1, Math.floor((article.match(/<\/p>/g)?.length ?? 1) / (options.frames + 1)));
  let seen = 0;
  const html = article.replace(/<\/p>/g, (m) => (++seen % every === 0 && n < frames.length ? `${m}${frames[n++]}` : m));
  return html.replace('</main>', `${frames.slice(n).join('')}</main>`);
}
