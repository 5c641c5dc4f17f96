// Detection engine in a real browser: what is marked on real and hostile pages, that the page's DOM never
// changes, dynamic pages, shadow roots and frames, and settings applied live.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { compileMatcher } from '../../glossary/runtime/matcher.ts';
import { ROOT, highlightedTexts, saveScreenshot, setSettings as setStoredSettings, useExtensionBrowser, waitForHighlights } from './harness';
import { ArticlePage } from './pages/article-page';

const glossary = compileGlossary(`${ROOT}/glossary`);
const matcher = compileMatcher(glossary.matcherIndex);
const env = useExtensionBrowser();

async function open(path: string, min = 1): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(path));
  await waitForHighlights(page, min);
  return page;
}

/** Waits until the content script has registered its highlight (a page with no terms yet has it, empty). */
async function contentScriptRunning(page: Page): Promise<void> {
  await page.waitForFunction(() => CSS.highlights.has('legal-lens-underline'), null, { timeout: 10000 });
}

/** Ids of the elements that hold a highlighted range's start, and the range texts. */
async function markedIn(page: Page): Promise<{ text: string; where: string }[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('legal-lens-underline') ?? [])].map((r) => {
      const range = r as AbstractRange;
      const el = range.startContainer.parentElement;
      return { text: __rangeText(range), where: el?.closest('[id]')?.id ?? el?.tagName ?? '' };
    }),
  );
}

/** Sets settings through an extension page, as the options page does. */
const setSettings = (patch: Record<string, unknown>) => setStoredSettings(env.browser, patch);

/**
 * For each phrase (a regular expression with the g flag), how often the page's readable text holds it (text in
 * <button>s, which are never marked, left out) and how often the painted ranges do. Counted in the page from
 * its text alone, independently of the matcher.
 */
async function phraseCounts(page: Page, phrases: Record<string, RegExp>): Promise<Record<string, { text: number; painted: number }>> {
  const sources = Object.fromEntries(Object.entries(phrases).map(([k, re]) => [k, [re.source, re.flags]]));
  return page.evaluate((src) => {
    const count = (text: string, [source, flags]: string[]) => (text.match(new RegExp(source, flags)) ?? []).length;
    const buttons = [...document.querySelectorAll('button')].map((b) => b.innerText).join('\n');
    // a range over "racial\n  profiling" reads as the reader sees it
    const painted = [...(CSS.highlights.get('legal-lens-underline') ?? [])].map((r) => __rangeText(r as AbstractRange).replace(/\s+/g, ' '));
    return Object.fromEntries(
      Object.entries(src).map(([k, re]) => [
        k,
        { text: count(document.body.innerText, re) - count(buttons, re), painted: painted.reduce((n, t) => n + count(t, re), 0) },
      ]),
    );
  }, sources);
}

/** Painted texts that are not, whole, one match of the glossary's matcher (a range cut in the wrong place). */
async function strayRanges(page: Page): Promise<string[]> {
  const texts = await highlightedTexts(page);
  return texts.filter((t) => {
    const found = matcher.find(t);
    return found.length !== 1 || found[0].start !== 0 || found[0].end !== t.length;
  });
}

/** The real-looking pages: each phrase table lists terms the page uses, in the forms it uses them. */
const PAGES: [name: string, path: string, min: number, phrases: Record<string, RegExp>, hover: [text: string, id: string]][] = [
  ['a law firm\'s article with promos, buttons and a table of contents', '/own/law-firm-article.html', 60, {
    '287(g)': /287\(g\)/g,
    // "mandamus.com" is a web address, not the term
    mandamus: /mandamus(?!\.com)/gi,
    'racial profiling': /racial profiling/gi,
    'civil rights': /civil rights/gi,
    'Immigration and Nationality Act': /Immigration and Nationality Act/g,
    USCIS: /USCIS/g,
    ICE: /\bICE\b/g,
    'Fourth Amendment': /Fourth Amendment/g,
  }, ['Immigration and Nationality Act', 'ina']],
  ['a government agency\'s page with a form table and an accordion', '/own/agency-page.html', 30, {
    USCIS: /USCIS(?!\.gov)/g,
    'I-485': /I-485/g,
    'I-130': /I-130/g,
    'N-400': /N-400/g,
    'adjustment of status': /adjustment of status/gi,
    'green card': /green card/gi,
    'permanent resident': /permanent resident/gi,
    'request for evidence': /request for evidence/gi,
    'Notice to Appear': /Notice to Appear/g,
    'immigration court': /immigration courts?/gi,
    DHS: /\bDHS\b/g,
    TPS: /\bTPS\b/g,
    DACA: /\bDACA\b/g,
    asylum: /asylum/gi,
    'advance parole': /advance parole/gi,
  }, ['Notice to Appear', 'notice-to-appear']],
  ['a news story with ads, a newsletter form and a "most read" rail', '/own/news-article.html', 25, {
    ICE: /\bICE\b/g,
    detainer: /detainer/gi,
    '287(g)': /287\(g\)/g,
    'Fourth Amendment': /Fourth Amendment/g,
    'probable cause': /probable cause/gi,
    'judicial warrant': /judicial warrant/gi,
    'administrative warrant': /administrative warrant/gi,
    'class action': /class action/gi,
    'preliminary injunction': /preliminary injunction/gi,
    'federal district court': /federal district court/gi,
    'Section 1983': /Section 1983/g,
    'qualified immunity': /qualified immunity/gi,
    'racial profiling': /racial profiling/gi,
    'sanctuary city': /sanctuary city/gi,
  }, ['detainer', 'detainer']],
];

describe('detection on pages people read', () => {
  for (const [name, path, min, phrases, [hoverText, hoverId]] of PAGES) {
    it(`marks every occurrence of its terms, cuts no range wrong, and opens their cards: ${name}`, async () => {
      const page = await open(path, min);
      const counts = await phraseCounts(page, phrases);
      for (const [phrase, { text, painted }] of Object.entries(counts)) {
        assert.ok(text > 0, `the page uses "${phrase}"`);
        assert.equal(painted, text, `"${phrase}": ${painted} painted of ${text} in the text`);
      }
      assert.deepEqual(await strayRanges(page), []);
      const article = new ArticlePage(page);
      await article.hover(new RegExp(`^${hoverText}$`, 'i'));
      await article.card.waitFor();
      assert.equal(await article.cardHeading.textContent(), glossary.cards[hoverId].en.title);
      await saveScreenshot(page, `detection-${path.replace(/^\/own\/|\.html$/g, '')}`);
      assert.deepEqual(env.browser.errors, []);
      await page.close();
    });
  }

  it('never changes the page\'s DOM: no wrappers, attributes or styles, only the card host', async () => {
    const page = await env.browser.context.newPage();
    await page.addInitScript(() => {
      const records: string[] = [];
      (window as unknown as { __mutations: string[] }).__mutations = records;
      const observer = new MutationObserver((list) => {
        for (const r of list) {
          if (r.type === 'attributes') records.push(`attr ${r.attributeName} on ${(r.target as Element).tagName}`);
          if (r.type === 'characterData') records.push('text changed');
          for (const n of r.addedNodes) records.push(`added ${n.nodeName}`);
          for (const n of r.removedNodes) records.push(`removed ${n.nodeName}`);
        }
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      // the parser's own insertions end when the document becomes interactive, before content scripts run
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        observer.takeRecords();
        records.length = 0;
      });
    });
    await page.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(page, 60);
    const html = await page.evaluate(() => document.documentElement.outerHTML.length);
    // hover a term so that the card host is created too
    await new ArticlePage(page).hover(/.+/, 5);
    await page.waitForSelector('legal-lens-ui', { state: 'attached', timeout: 3000 });
    const mutations = await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
    assert.deepEqual(mutations.filter((m) => m !== 'added LEGAL-LENS-UI'), []);
    assert.equal(await page.evaluate(() => document.querySelectorAll('style').length), 1, 'only the page\'s own <style>');
    assert.ok(html > 9000);
    await page.close();
  });
});

describe('what is never marked', () => {
  it('marks terms across inline elements, but not in editors, fields, code, templates or hidden text', async () => {
    const page = await open('/own/inline-and-editors.html', 4);
    const marks = await markedIn(page);
    const where = new Set(marks.map((m) => m.where));
    for (const never of ['ta', 'in', 'ce', 'ce-child', 'pre', 'code', 'hidden', 'btn']) assert.ok(!where.has(never), `marked inside #${never}`);
    const texts = marks.map((m) => `${m.where}:${m.text}`);
    assert.ok(texts.includes('inline:writ of mandamus'), texts.join(', '));
    // one across <strong>/<em>, one inside a link across <b>
    assert.equal(marks.filter((m) => m.where === 'inline' && m.text === 'writ of mandamus').length, 2);
    assert.ok(texts.includes('split:287(g) program'), texts.join(', '));
    assert.ok(texts.includes('split:racial profiling'), texts.join(', '));
    assert.ok(!texts.some((t) => t.startsWith('br:writ of')), 'a <br> ends the run of text');
    assert.ok(texts.includes('control:racial profiling') && texts.includes('control:civil rights'));
    assert.ok(!texts.some((t) => /civil rights.*rights groups/.test(t)));
    // a term split over three inline elements is one range across them
    const crossing = await page.evaluate(() =>
      [...CSS.highlights.get('legal-lens-underline')!].some((r) => (r as AbstractRange).startContainer !== (r as AbstractRange).endContainer),
    );
    assert.ok(crossing);
    await saveScreenshot(page, 'detection-inline-and-editors');
    await page.close();
  });

  it('scans open shadow roots and same-origin iframes', async () => {
    const page = await open('/own/shadow-iframe.html', 2);
    const texts = await highlightedTexts(page);
    assert.ok(texts.includes('writ of mandamus'), `shadow root: ${texts.join(', ')}`);
    const frame = page.frame({ url: /iframe-child/ })!;
    await frame.waitForFunction(() => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) > 0, null, { timeout: 5000 });
    const inFrame = await frame.evaluate(() => [...CSS.highlights.get('legal-lens-underline')!].map((r) => __rangeText(r as AbstractRange)));
    assert.deepEqual(inFrame, ['287(g) program']);
    // the shadow root got our ::highlight rules without a <style> element
    const adopted = await page.evaluate(() => document.querySelector('law-note')!.shadowRoot!.adoptedStyleSheets.length);
    assert.equal(adopted, 1);
    await saveScreenshot(page, 'detection-shadow-iframe');
    await page.close();
  });

  it('marks Spanish terms with and without accents', async () => {
    const page = await open('/own/spanish.html', 5);
    const texts = await highlightedTexts(page);
    assert.deepEqual(texts, ['perfil racial', 'derechos civiles', 'Ley de Inmigracion y Nacionalidad', 'programa 287(g)', 'demanda de mandamus', 'USCIS']);
    await page.close();
  });
});

describe('dynamic pages', () => {
  it('marks text added later within 500 ms, and drops the ranges of removed text', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/dynamic.html'));
    await contentScriptRunning(page);
    const elapsed = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = (window as unknown as { addLater: (t: string) => number }).addLater('Later: a writ of mandamus about ICE.');
          const check = () => {
            const found = [...(CSS.highlights.get('legal-lens-underline') ?? [])].some((r) => __rangeText(r as AbstractRange) === 'writ of mandamus');
            if (found) resolve(performance.now() - start);
            else if (performance.now() - start > 3000) resolve(Infinity);
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
    assert.ok(elapsed <= 500, `took ${elapsed} ms`);
    await page.evaluate(() => (window as unknown as { removeLate: () => void }).removeLate());
    await page.waitForFunction(() => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) === 0, null, { timeout: 2000 });
    await page.close();
  });

  it('follows text edits in place', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/dynamic.html'));
    await contentScriptRunning(page);
    await page.evaluate(() => (window as unknown as { editText: (id: string, t: string) => void }).editText('first', 'Now it mentions racial profiling.'));
    assert.deepEqual(await waitForHighlights(page, 1), ['racial profiling']);
    await page.close();
  });

  it('handles a single-page app that replaces its whole view', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/dynamic.html'));
    await page.evaluate(() => (window as unknown as { addLater: (t: string) => void }).addLater('Old view: civil rights.'));
    await waitForHighlights(page, 1);
    await page.evaluate(() =>
      (window as unknown as { swapView: (h: string) => void }).swapView('<h1>New view</h1><p>A <em>Notice to Appear</em> and the 287(g) program.</p>'),
    );
    await page.waitForFunction(() => {
      const texts = [...(CSS.highlights.get('legal-lens-underline') ?? [])].map((r) => __rangeText(r as AbstractRange));
      return texts.includes('Notice to Appear') && !texts.includes('civil rights');
    }, null, { timeout: 2000 });
    const stale = await page.evaluate(() => [...CSS.highlights.get('legal-lens-underline')!].filter((r) => !(r as AbstractRange).startContainer.isConnected).length);
    assert.equal(stale, 0);
    await page.close();
  });

  it('does not spin on a page that mutates nonstop: the page keeps its frames', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/dynamic.html'));
    const frames = await page.evaluate(async () => {
      (window as unknown as { startStorm: () => void }).startStorm();
      let n = 0;
      const t0 = performance.now();
      await new Promise<void>((resolve) => {
        const tick = () => {
          n++;
          if (performance.now() - t0 < 2000) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      (window as unknown as { stopStorm: () => void }).stopStorm();
      return n;
    });
    assert.ok(frames > 40, `only ${frames} frames in 2 s`);
    // once the storm stops, the marks settle on what is in the page
    await page.waitForFunction(() => {
      const h = [...(CSS.highlights.get('legal-lens-underline') ?? [])] as AbstractRange[];
      const live = document.getElementById('log')!.textContent!.match(/ICE|287\(g\)/g)?.length ?? 0;
      return h.length === live && h.every((r) => r.startContainer.isConnected);
    }, null, { timeout: 3000 });
    assert.deepEqual(env.browser.errors, []);
    await page.close();
  });
});

describe('settings applied live', () => {
  it('switches style, first-occurrence-only, categories and off-on-this-site without a reload', async () => {
    const page = await open('/own/law-firm-article.html', 60);
    await setSettings({ highlightStyle: 'background' });
    await waitForHighlights(page, 60, 'legal-lens-background');
    assert.equal(await page.evaluate(() => CSS.highlights.has('legal-lens-underline')), false);
    await saveScreenshot(page, 'settings-background-style');

    await setSettings({ firstOnly: true });
    await page.waitForFunction(() => [...(CSS.highlights.get('legal-lens-background') ?? [])].filter((r) => /287\(g\)/.test(__rangeText(r as AbstractRange))).length === 1, null, { timeout: 3000 });
    const first = await highlightedTexts(page, 'legal-lens-background');
    assert.equal(first.filter((t) => /mandamus/i.test(t)).length, 1);
    assert.ok(first.length < 20, `${first.length} first occurrences`);

    await setSettings({ firstOnly: false, hiddenCategories: ['institutions', 'enforcement', 'court', 'profiling', 'remedies', 'status', 'help'] });
    await page.waitForFunction(() => {
      const texts = [...(CSS.highlights.get('legal-lens-background') ?? [])].map((r) => __rangeText(r as AbstractRange));
      return texts.length > 10 && texts.every((t) => /mandamus/i.test(t));
    }, null, { timeout: 3000 });

    const nothingMarked = () => page.waitForFunction(() => [...CSS.highlights.keys()].every((k) => !String(k).startsWith('legal-lens') || CSS.highlights.get(k)!.size === 0), null, { timeout: 3000 });
    // each switch is seen going from marked to unmarked
    await setSettings({ hiddenCategories: [], enabled: false });
    await nothingMarked();
    await setSettings({ enabled: true });
    await waitForHighlights(page, 60, 'legal-lens-background');
    await setSettings({ disabledSites: ['127.0.0.1:' + new URL(env.server.origin).port] });
    await nothingMarked();
    await setSettings({ disabledSites: [], highlightStyle: 'underline' });
    await waitForHighlights(page, 60);
    await page.close();
  });

  it('falls back to defaults when stored settings are corrupt', async () => {
    await setSettings({ highlightStyle: 42, hoverDelay: 'soon', hiddenCategories: 'all' });
    const page = await open('/own/law-firm-article.html', 60);
    assert.equal(await page.evaluate(() => CSS.highlights.has('legal-lens-underline')), true);
    await setSettings({ highlightStyle: 'underline', hoverDelay: 300, hiddenCategories: [] });
    await page.close();
  });
});
