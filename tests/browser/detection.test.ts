// Detection engine in real browsers (Chromium and Firefox, through the page objects): what is marked on real and
// hostile pages, that the page's DOM never changes, dynamic pages, shadow roots and frames, and settings applied live.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { compileMatcher } from '../../glossary/runtime/matcher.ts';
import { ROOT } from './harness';
import { forEachBrowser } from './driver';
import { WebPage } from './pages/web-page';

const glossary = compileGlossary(`${ROOT}/glossary`);
const matcher = compileMatcher(glossary.matcherIndex);

/**
 * For each phrase (a regular expression with the g flag), how often the page's readable text holds it (text in
 * <button>s, which are never marked, left out) and how often the painted ranges do. Counted in the page from
 * its text alone, independently of the matcher.
 */
async function phraseCounts(page: WebPage, phrases: Record<string, RegExp>): Promise<Record<string, { text: number; painted: number }>> {
  const sources = Object.fromEntries(Object.entries(phrases).map(([k, re]) => [k, [re.source, re.flags]]));
  return page.tab.evaluate((src) => {
    const count = (text: string, [source, flags]: string[]) => (text.match(new RegExp(source, flags)) ?? []).length;
    const buttons = [...document.querySelectorAll('button')].map((b) => b.innerText).join('\n');
    // a range over "racial\n  profiling" reads as the reader sees it
    const painted = __lens.marks().map((t) => t.replace(/\s+/g, ' '));
    return Object.fromEntries(
      Object.entries(src).map(([k, re]) => [
        k,
        { text: count(document.body.innerText, re) - count(buttons, re), painted: painted.reduce((n, t) => n + count(t, re), 0) },
      ]),
    );
  }, sources);
}

/** Painted texts that are not, whole, one match of the glossary's matcher (a range cut in the wrong place). */
async function strayRanges(page: WebPage): Promise<string[]> {
  const texts = await page.marks();
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

forEachBrowser('detection', {}, (env, kind) => {
  const open = (path: string, min = 1) => WebPage.open(env.browser, env.server.url(path), min);

  describe('on pages people read', () => {
    for (const [name, path, min, phrases, [hoverText, hoverId]] of PAGES) {
      it(`marks every occurrence of its terms, cuts no range wrong, and opens their cards: ${name}`, async () => {
        const page = await open(path, min);
        const counts = await phraseCounts(page, phrases);
        for (const [phrase, { text, painted }] of Object.entries(counts)) {
          assert.ok(text > 0, `the page uses "${phrase}"`);
          assert.equal(painted, text, `"${phrase}": ${painted} painted of ${text} in the text`);
        }
        assert.deepEqual(await strayRanges(page), []);
        await page.hover(new RegExp(`^${hoverText}$`, 'i'));
        assert.equal((await page.waitForCard()).heading, glossary.cards[hoverId].en.title);
        await page.tab.screenshot(`detection-${path.replace(/^\/own\/|\.html$/g, '')}`);
        assert.deepEqual(env.browser.errors, []);
        await page.tab.close();
      });
    }

    it('paints its marks: the marks\' style sheet reaches a frame whose text holds a term', async () => {
      const page = await open('/own/law-firm-article.html', 60);
      // the style of the underline highlight where the first mark starts (highlight styles are computed per element)
      const style = await page.tab.evaluate(() => {
        const [range] = [...CSS.highlights.get('legal-lens-underline')!] as AbstractRange[];
        const node = range.startContainer;
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement!;
        const s = getComputedStyle(el, '::highlight(legal-lens-underline)');
        return { line: s.textDecorationLine, color: s.textDecorationColor };
      });
      assert.deepEqual(style, { line: 'underline', color: 'rgb(109, 74, 255)' }, kind);
      await page.tab.close();
    });

    it('never changes the page\'s DOM: no wrappers, attributes or styles, only the card host', async () => {
      const page = await open('/own/law-firm-article.html', 60);
      const html = await page.tab.evaluate(() => document.documentElement.outerHTML.length);
      // hover a term so that the card host is created too
      await page.hover(/.+/, 5);
      await page.waitForCard(3000);
      assert.deepEqual(await page.tab.evaluate(() => __lens.changes()), []);
      assert.equal(await page.tab.evaluate(() => __lens.hostCount()), 1);
      assert.equal(await page.tab.evaluate(() => document.querySelectorAll('style').length), 1, 'only the page\'s own <style>');
      assert.ok(html > 9000);
      await page.tab.close();
    });
  });

  describe('what is never marked', () => {
    it('marks terms across inline elements, but not in editors, fields, code, templates or hidden text', async () => {
      const page = await open('/own/inline-and-editors.html', 4);
      const marks = await page.markPlaces();
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
      const crossing = await page.tab.evaluate(() =>
        [...CSS.highlights.get('legal-lens-underline')!].some((r) => (r as AbstractRange).startContainer !== (r as AbstractRange).endContainer),
      );
      assert.ok(crossing);
      await page.tab.screenshot('detection-inline-and-editors');
      await page.tab.close();
    });

    it('scans open shadow roots and same-origin iframes', async () => {
      const page = await open('/own/shadow-iframe.html', 2);
      const texts = await page.marks();
      assert.ok(texts.includes('writ of mandamus'), `shadow root: ${texts.join(', ')}`);
      const frame = await page.tab.frameNamed('child');
      await page.waitForMarks(1, undefined, 5000, frame);
      assert.deepEqual(await page.marks(undefined, frame), ['287(g) program']);
      // the shadow root got our ::highlight rules without a <style> element
      const adopted = await page.tab.evaluate(() => document.querySelector('law-note')!.shadowRoot!.adoptedStyleSheets.length);
      assert.equal(adopted, 1);
      await page.tab.screenshot('detection-shadow-iframe');
      await page.tab.close();
    });

    it('reads a frame that cannot show a word (1×1, not rendered, hidden off screen, far below the fold) once it can', async () => {
      const page = await open('/own/hidden-frames.html', 1);
      const frames = await Promise.all(['unrendered', 'tiny', 'offscreen'].map((name) => page.tab.frameNamed(name)));
      await page.tab.evaluate(() => (window as unknown as { showFrames: () => void }).showFrames());
      for (const frame of frames) {
        await page.waitForMarks(1, undefined, 5000, frame);
        assert.deepEqual(await page.marks(undefined, frame), ['287(g) program']);
      }
      const below = await page.tab.frameNamed('below');
      await page.tab.evaluate(() => document.querySelector('[name=below]')!.scrollIntoView());
      await page.waitForMarks(1, undefined, 5000, below);
      assert.deepEqual(await page.marks(undefined, below), ['287(g) program']);
      await page.tab.close();
    });

    it('marks Spanish terms with and without accents', async () => {
      const page = await open('/own/spanish.html', 5);
      assert.deepEqual(await page.marks(), ['perfil racial', 'derechos civiles', 'Ley de Inmigracion y Nacionalidad', 'programa 287(g)', 'demanda de mandamus', 'USCIS']);
      await page.tab.close();
    });
  });

  describe('dynamic pages', () => {
    it('marks text added later within 500 ms, and drops the ranges of removed text', async () => {
      const page = await open('/own/dynamic.html', 0);
      const elapsed = await page.tab.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = (window as unknown as { addLater: (t: string) => number }).addLater('Later: a writ of mandamus about ICE.');
            const check = () => {
              if (__lens.marks().includes('writ of mandamus')) resolve(performance.now() - start);
              else if (performance.now() - start > 3000) resolve(Infinity);
              else requestAnimationFrame(check);
            };
            check();
          }),
      );
      assert.ok(elapsed <= 500, `took ${elapsed} ms`);
      await page.tab.evaluate(() => (window as unknown as { removeLate: () => void }).removeLate());
      await page.tab.waitFor(() => __lens.markCount() === 0, undefined, 2000);
      await page.tab.close();
    });

    it('follows text edits in place', async () => {
      const page = await open('/own/dynamic.html', 0);
      await page.tab.evaluate(() => (window as unknown as { editText: (id: string, t: string) => void }).editText('first', 'Now it mentions racial profiling.'));
      await page.waitForMarks(1);
      assert.deepEqual(await page.marks(), ['racial profiling']);
      await page.tab.close();
    });

    it('handles a single-page app that replaces its whole view', async () => {
      const page = await open('/own/dynamic.html', 0);
      await page.tab.evaluate(() => (window as unknown as { addLater: (t: string) => void }).addLater('Old view: civil rights.'));
      await page.waitForMarks(1);
      await page.tab.evaluate(() =>
        (window as unknown as { swapView: (h: string) => void }).swapView('<h1>New view</h1><p>A <em>Notice to Appear</em> and the 287(g) program.</p>'),
      );
      await page.tab.waitFor(() => {
        const texts = __lens.marks();
        return texts.includes('Notice to Appear') && !texts.includes('civil rights');
      }, undefined, 2000);
      const stale = await page.tab.evaluate(() => [...CSS.highlights.get('legal-lens-underline')!].filter((r) => !(r as AbstractRange).startContainer.isConnected).length);
      assert.equal(stale, 0);
      await page.tab.close();
    });

    it('does not spin on a page that mutates nonstop: the page keeps its frames', async () => {
      const page = await open('/own/dynamic.html', 0);
      const frames = await page.tab.evaluate(async () => {
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
      await page.tab.waitFor(() => {
        const h = [...(CSS.highlights.get('legal-lens-underline') ?? [])] as AbstractRange[];
        const live = document.getElementById('log')!.textContent!.match(/ICE|287\(g\)/g)?.length ?? 0;
        return h.length === live && h.every((r) => r.startContainer.isConnected);
      }, undefined, 3000);
      assert.deepEqual(env.browser.errors, []);
      await page.tab.close();
    });
  });

  describe('settings applied live', () => {
    it('switches style, first-occurrence-only, categories and off-on-this-site without a reload', async () => {
      const page = await open('/own/law-firm-article.html', 60);
      await env.browser.setSettings({ highlightStyle: 'background' });
      await page.waitForMarks(60, 'legal-lens-background');
      assert.equal(await page.tab.evaluate(() => CSS.highlights.has('legal-lens-underline')), false);
      await page.tab.screenshot('settings-background-style');

      await env.browser.setSettings({ firstOnly: true });
      await page.tab.waitFor(() => __lens.marks('legal-lens-background').filter((t) => /287\(g\)/.test(t)).length === 1, undefined, 3000);
      const first = await page.marks('legal-lens-background');
      assert.equal(first.filter((t) => /mandamus/i.test(t)).length, 1);
      assert.ok(first.length < 20, `${first.length} first occurrences`);

      await env.browser.setSettings({ firstOnly: false, hiddenCategories: ['institutions', 'enforcement', 'court', 'profiling', 'remedies', 'status', 'help'] });
      await page.tab.waitFor(() => {
        const texts = __lens.marks('legal-lens-background');
        return texts.length > 10 && texts.every((t) => /mandamus/i.test(t));
      }, undefined, 3000);

      // each switch is seen going from marked to unmarked
      await env.browser.setSettings({ hiddenCategories: [], enabled: false });
      await page.waitForNoMarks(3000);
      await env.browser.setSettings({ enabled: true });
      await page.waitForMarks(60, 'legal-lens-background');
      await env.browser.setSettings({ disabledSites: ['127.0.0.1:' + new URL(env.server.origin).port] });
      await page.waitForNoMarks(3000);
      await env.browser.setSettings({ disabledSites: [], highlightStyle: 'underline' });
      await page.waitForMarks(60);
      await page.tab.close();
    });

    it('falls back to defaults when stored settings are corrupt', async () => {
      await env.browser.setSettings({ highlightStyle: 42, hoverDelay: 'soon', hiddenCategories: 'all' });
      const page = await open('/own/law-firm-article.html', 60);
      assert.equal(await page.tab.evaluate(() => CSS.highlights.has('legal-lens-underline')), true);
      await env.browser.setSettings({ highlightStyle: 'underline', hoverDelay: 300, hiddenCategories: [] });
      await page.tab.close();
      assert.deepEqual(env.browser.errors, [], kind);
    });
  });
});
