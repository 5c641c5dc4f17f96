// Big hostile pages, made at request time (a 10 MB file has no place in the repository). Each generator says what
// it attacks and returns the page and the number of terms it holds, counted as it writes them; the test checks the
// filler words themselves hold no term (fillerHasNoTerms). Pages are the same on every request.
import { compileGlossary } from '../../../glossary/build/compile.ts';
import { compileMatcher } from '../../../glossary/runtime/matcher.ts';
import { rng } from '../../bench/generate-page.ts';
import { ROOT } from '../harness';

/** Sentences with no glossary term in them. */
const FILLER = [
  'The committee met on a quiet morning to read the notes again.',
  'Volunteers brought coffee, folding chairs and a stack of printed maps.',
  'Nobody expected the meeting to run past noon, but it did.',
  'A reporter asked how long the process usually takes for a family.',
  'The answer depends on many things, and most of them are paperwork.',
  'Children played outside while the adults compared their letters.',
  'Several people wrote down phone numbers for the local library.',
  'The hall smelled of fresh paint and old wooden benches.',
];
/** Sentences with exactly one term each, and the term's text as marked. */
const TERMS: [sentence: string, term: string][] = [
  ['She asked whether a writ of mandamus could speed things up.', 'writ of mandamus'],
  ['The group documented racial profiling at two checkpoints.', 'racial profiling'],
  ['The county left the 287(g) program last spring.', '287(g) program'],
  ['He received a Notice to Appear in the mail.', 'Notice to Appear'],
  ['Officers from ICE visited the building on Tuesday.', 'ICE'],
  ['Lawyers talked about civil rights for an hour.', 'civil rights'],
];

const PAGE_START = (title: string, comment: string) =>
  `<!doctype html>\n<!-- ${comment} -->\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>\n`;
const PAGE_END = '</body></html>\n';

export interface Generated {
  body: string;
  /** terms on the page, as the matcher finds them */
  terms: number;
}

/** A realistic long article of about `megabytes` MB: sections, paragraphs, lists and tables, a term every few paragraphs. */
export function bigArticle(megabytes = 10): Generated {
  const parts: string[] = [PAGE_START('A 10 MB page', 'Attacks: sheer size. About 10 MB of ordinary HTML (sections, paragraphs, lists, tables) with a term every few paragraphs: parsing it, scanning it and painting thousands of marks must not hold up the page.')];
  let size = 0;
  let terms = 0;
  let i = 0;
  const target = megabytes * 1024 * 1024;
  while (size < target) {
    let chunk = `<section><h2>Part ${i}</h2>`;
    for (let p = 0; p < 6; p++) {
      const sentences = Array.from({ length: 8 }, (_, s) => FILLER[(i + p + s) % FILLER.length]);
      if ((i * 6 + p) % 5 === 0) {
        sentences[3] = TERMS[(i + p) % TERMS.length][0];
        terms++;
      }
      chunk += `<p>${sentences.join(' ')}</p>`;
    }
    chunk += `<ul>${FILLER.slice(0, 4).map((f) => `<li>${f}</li>`).join('')}</ul>`;
    chunk += `<table><tr><td>${FILLER[i % 8]}</td><td>${i}</td></tr><tr><td>${FILLER[(i + 1) % 8]}</td><td>${i + 1}</td></tr></table></section>\n`;
    parts.push(chunk);
    size += chunk.length;
    i++;
  }
  parts.push(PAGE_END);
  return { body: parts.join(''), terms };
}

/**
 * `paragraphs` paragraphs of about 1,000 characters of made-up words (about 100,000 different ones at the default
 * size, as long real prose has many: each new word costs the highlighter's test more than a word it has met), with
 * a term only in every `every`th, from the first on. A paragraph whose words happen to hold a term is written again
 * with the next words: the count of terms stays exact.
 */
export function termFreeRuns(paragraphs = 2400, every = 1200): Generated {
  const parts: string[] = [PAGE_START('Runs of paragraphs without a term', 'Attacks: blocks that hold no term, a thousand in a row. 2,400 paragraphs of about 1,000 characters of made-up words, a term in every 1,200th: each paragraph is tested whole and passed over, and a walk that counts one passed-over paragraph as one step, whatever its length, tests a million characters between two pauses.')];
  const syllables = ['ba', 'ko', 'mi', 'tu', 're', 'sa', 'lo', 'ne', 'vi', 'du', 'pa', 'go', 'fe', 'ri', 'mo', 'ta', 'zu', 'le', 'ni', 'po', 'ka', 'se', 'bo', 'wi'];
  const random = rng(7);
  const below = (n: number) => Math.floor(random() * n);
  const word = () => Array.from({ length: 2 + below(3) }, () => syllables[below(syllables.length)]).join('');
  const sentence = () => {
    const words = Array.from({ length: 6 + below(6) }, word);
    return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  let terms = 0;
  for (let p = 0; p < paragraphs; p++) {
    let text: string;
    do {
      const sentences: string[] = [];
      for (let chars = 0; chars < 1000; chars += sentences[sentences.length - 1].length + 1) sentences.push(sentence());
      if (p % every === 0) sentences.splice(sentences.length >> 1, 0, TERMS[(p / every) % TERMS.length][0]);
      text = sentences.join(' ');
    } while (termsIn(text) !== (p % every === 0 ? 1 : 0));
    if (p % every === 0) terms++;
    parts.push(`<p>${text}</p>\n`);
  }
  parts.push(PAGE_END);
  return { body: parts.join(''), terms };
}

/** 200,000 text nodes: 20,000 paragraphs of ten text nodes each (words and inline elements), a term in every tenth. */
export function manyTextNodes(count = 200_000): Generated {
  const parts = [PAGE_START('200,000 text nodes', 'Attacks: the number of nodes. 200,000 text nodes in 20,000 paragraphs, each word its own node: a walk that costs more than a step per node, or runs in one task, shows here.')];
  let terms = 0;
  for (let p = 0; p < count / 10; p++) {
    if (p % 10 === 0) {
      // "racial profiling" across two nodes
      parts.push('<p>one <b>two</b> three <i>four</i> about racial <em>profiling</em> seven <u>eight</u> nine <s>ten</s></p>');
      terms++;
    } else parts.push('<p>one <b>two</b> three <i>four</i> five <em>six</em> seven <u>eight</u> nine <s>ten</s></p>');
  }
  parts.push(PAGE_END);
  return { body: parts.join(''), terms };
}

/** Elements nested `depth` deep, with text (and a term) every 500 levels and at the bottom. */
export function deepNesting(depth = 5000): Generated {
  let terms = 0;
  const open: string[] = [];
  for (let d = 0; d < depth; d++) {
    const tag = d % 2 ? 'span' : 'div';
    let text = '';
    if (d % 500 === 0 || d === depth - 1) {
      text = d === depth - 1 ? 'At the very bottom, a writ of mandamus.' : `Level ${d}: ${TERMS[(d / 500) % TERMS.length][0]}`;
      terms++;
    }
    open.push(`<${tag}>${text}`);
  }
  const close = Array.from({ length: depth }, (_, d) => `</${(depth - 1 - d) % 2 ? 'span' : 'div'}>`).join('');
  return { body: PAGE_START('Nesting 5,000 deep', 'Attacks: depth. Elements nested 5,000 deep with text at every 500th level: recursion, walks up the ancestors of every node, and layout at depth.') + open.join('') + close + PAGE_END, terms };
}

/** 20,000 term occurrences: 2,000 paragraphs of ten terms each. */
export function manyTerms(count = 20_000): Generated {
  const parts = [PAGE_START('20,000 terms', 'Attacks: the number of marks. 20,000 term occurrences in 2,000 paragraphs: painting them, keeping them in document order, and every repaint with 20,000 highlight ranges.')];
  for (let p = 0; p < count / 10; p++) {
    parts.push(`<p>${Array.from({ length: 10 }, (_, t) => TERMS[(p + t) % TERMS.length][0]).join(' ')}</p>\n`);
  }
  parts.push(PAGE_END);
  return { body: parts.join(''), terms: count };
}

/** Text split into one element per letter (some sites do this for animations): terms run across dozens of elements. */
export function oneElementPerLetter(paragraphs = 500): Generated {
  const parts = [PAGE_START('One element per letter', 'Attacks: text split into one element per letter. Every character is its own <span>: a term is one run of text across dozens of elements, and 40,000 elements hold little text.')];
  let terms = 0;
  for (let p = 0; p < paragraphs; p++) {
    const [sentence] = TERMS[p % TERMS.length];
    const text = `${FILLER[p % FILLER.length]} ${sentence}`;
    parts.push(`<p>${[...text].map((c) => `<span>${c === ' ' ? '&nbsp;' : c.replace('&', '&amp;').replace('<', '&lt;')}</span>`).join('')}</p>\n`);
    terms++;
  }
  parts.push(PAGE_END);
  return { body: parts.join(''), terms };
}

/**
 * Issue 10, defect 17, as reported: 10,000 lines of `<p>0 <b>the</b> agents <i>filed</i> a <u>report</u></p>`, then
 * `<script>0</script>`, a newline, `</body>`. One term ("ICE", the last paragraph) is added so the test can tell
 * when the scan has reached the end of the page.
 */
export function issue17(lines = 10_000): Generated {
  const body =
    '<!doctype html>\n<!-- Attacks (issue 10, defect 17): text between 20,000 siblings of <body> and a <script> after them, which made the scan quadratic (the page\'s timer was held up 2.2 s in Chromium). -->\n<html lang="en"><head><meta charset="utf-8"><title>Issue 17</title></head><body>\n' +
    '<p>0 <b>the</b> agents <i>filed</i> a <u>report</u></p>\n'.repeat(lines) +
    '<p>ICE</p>\n<script>0</script>\n</body></html>\n';
  return { body, terms: 1 };
}

let matcher: ReturnType<typeof compileMatcher> | null = null;
/** Terms the extension's own matcher finds in `text` (the glossary compiled as the build does). */
export function termsIn(text: string): number {
  matcher ??= compileMatcher(compileGlossary(`${ROOT}/glossary`).matcherIndex);
  return matcher.find(text).length;
}

/** The filler holds no term, and each term sentence exactly one: the counts above are right. */
export function fillerHasNoTerms(): boolean {
  return FILLER.every((f) => termsIn(f) === 0) && TERMS.every(([s]) => termsIn(s) === 1) && termsIn('0 the agents filed a report') === 0 && termsIn('one two three four five six seven eight nine ten') === 0;
}
