// Detection engine in a real browser: what is marked on real and hostile pages, that the page's DOM never
// changes, dynamic pages, shadow roots and frames, and settings applied live.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { highlightedTexts, saveScreenshot, useExtensionBrowser, waitForHighlights, type ChromeForTests } from './harness';
import { ArticlePage } from './pages/article-page';

const env = useExtensionBrowser();

async function open(path: string, min = 1): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(path));
  await waitForHighlights(page, min);
  return page;
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
async function setSettings(patch: Record<string, unknown>): Promise<void> {
  const page = await env.browser.context.newPage();
  await page.goto(env.browser.extensionUrl('options.html'));
  await page.evaluate(async (p) => {
    const api = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
    const { settings } = await api.storage.sync.get('settings');
    await api.storage.sync.set({ settings: { ...(settings ?? {}), ...p } });
  }, patch);
  await page.close();
}

describe('detection on the seed article', () => {
  it('marks every occurrence of the article\'s terms, and nothing else', async () => {
    const page = await open('/shared/seed-article.html', 60);
    // expected counts come from the page's own text, independently of the matcher
    const expected = await page.evaluate(() => {
      const text = document.body.innerText;
      const count = (re: RegExp) => (text.match(re) ?? []).length;
      return {
        '287(g)': count(/287\(g\)/g),
        mandamus: count(/mandamus(?!\.com)/gi),
        'racial profiling': count(/racial profiling/gi),
        'civil rights': count(/civil rights/gi),
        'Immigration and Nationality Act': count(/Immigration and Nationality Act/g),
        USCIS: count(/USCIS/g),
      };
    });
    const texts = await highlightedTexts(page);
    const got = (re: RegExp) => texts.filter((t) => re.test(t)).length;
    assert.equal(got(/287\(g\)/), expected['287(g)']);
    assert.equal(got(/mandamus/i), expected.mandamus);
    assert.equal(got(/racial profiling/i), expected['racial profiling']);
    assert.equal(got(/civil rights/i), expected['civil rights']);
    assert.equal(got(/Immigration and Nationality Act/), 1);
    assert.equal(got(/USCIS/), 1);
    assert.ok(expected['287(g)'] >= 20 && expected.mandamus >= 20, 'the fixture is the seed article');
    // nothing is marked outside those terms except real glossary phrases (injunctions)
    const others = texts.filter((t) => !/287\(g\)|mandamus|racial profiling|civil rights|Immigration and Nationality Act|USCIS/i.test(t));
    assert.deepEqual([...new Set(others.map((t) => t.toLowerCase()))].sort(), ['injunctions', 'know your rights']);
    await saveScreenshot(page, 'detection-seed-article');
    assert.deepEqual(env.browser.errors, []);
    await page.close();
  });

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
    await page.goto(env.server.url('/shared/seed-article.html'));
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
    await page.waitForTimeout(300);
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
    await page.waitForTimeout(200);
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
    const page = await open('/shared/seed-article.html', 60);
    await setSettings({ highlightStyle: 'background' });
    await waitForHighlights(page, 60, 'legal-lens-background');
    assert.equal(await page.evaluate(() => CSS.highlights.has('legal-lens-underline')), false);
    await saveScreenshot(page, 'settings-background-style');

    await setSettings({ firstOnly: true });
    await page.waitForFunction(() => (CSS.highlights.get('legal-lens-background')?.size ?? 0) < 10, null, { timeout: 3000 });
    const first = await highlightedTexts(page, 'legal-lens-background');
    assert.equal(first.filter((t) => /287\(g\)/.test(t)).length, 1);
    assert.equal(first.filter((t) => /mandamus/i.test(t)).length, 1);

    await setSettings({ firstOnly: false, hiddenCategories: ['institutions', 'enforcement', 'court', 'profiling', 'remedies', 'status', 'help'] });
    await page.waitForFunction(() => {
      const texts = [...(CSS.highlights.get('legal-lens-background') ?? [])].map((r) => __rangeText(r as AbstractRange));
      return texts.length > 10 && texts.every((t) => /mandamus|USCIS/i.test(t) === /mandamus/i.test(t));
    }, null, { timeout: 3000 });
    const delays = await highlightedTexts(page, 'legal-lens-background');
    assert.ok(delays.every((t) => /mandamus/i.test(t)), delays.join(', '));

    await setSettings({ disabledSites: ['127.0.0.1:' + new URL(env.server.origin).port] });
    await page.waitForFunction(() => [...CSS.highlights.keys()].every((k) => !String(k).startsWith('legal-lens') || CSS.highlights.get(k)!.size === 0), null, { timeout: 3000 });

    await setSettings({ disabledSites: [], enabled: false });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)), 0);

    await setSettings({ enabled: true, highlightStyle: 'underline', hiddenCategories: [] });
    await waitForHighlights(page, 60);
    await page.close();
  });

  it('falls back to defaults when stored settings are corrupt', async () => {
    await setSettings({ highlightStyle: 42, hoverDelay: 'soon', hiddenCategories: 'all' });
    const page = await open('/shared/seed-article.html', 60);
    assert.equal(await page.evaluate(() => CSS.highlights.has('legal-lens-underline')), true);
    await setSettings({ highlightStyle: 'underline', hoverDelay: 300, hiddenCategories: [] });
    await page.close();
  });
});
