// Smoke tests: the built extension loads; the content script runs on the law-firm article without errors, and
// in frames only once they can show a word; the content script stays within its size budget and leaves the card UI to a script injected when a card
// first opens, and the highlighter to a module it imports from a per-session URL (Chrome); the popup,
// explainer and options pages open without console errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, saveScreenshot, useExtensionBrowser, waitForHighlights } from './harness';
import { ArticlePage } from './pages/article-page';

const FIREFOX_DIR = join(EXTENSION_DIR, '../firefox-mv2');
/**
 * What the content script may weigh, in bytes: 58,500 today, a little headroom above it. It carries no glossary
 * (the background sends the parts a page needs), so it does not grow with the glossary; a change that adds code
 * to it should show here and be weighed.
 */
const CONTENT_SCRIPT_BUDGET = 61_000;

describe('smoke', () => {
  const env = useExtensionBrowser();

  it('runs the content script on the law-firm article without errors', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/law-firm-article.html'));
    const texts = await waitForHighlights(page, 5);
    assert.ok(texts.length >= 5, `expected highlights, got ${texts.length}`);
    await saveScreenshot(page, 'smoke-law-firm-article');
    assert.deepEqual(env.browser.errors, []);
    await page.close();
  });

  it(`keeps the content script within its ${CONTENT_SCRIPT_BUDGET} byte budget`, () => {
    for (const dir of [EXTENSION_DIR, FIREFOX_DIR]) {
      const bytes = statSync(join(dir, 'first-pass.js')).size;
      assert.ok(bytes <= CONTENT_SCRIPT_BUDGET, `${dir}: first-pass.js is ${bytes} bytes`);
    }
  });

  it('leaves the card UI out of the content script, in a script no page can load', () => {
    for (const dir of [EXTENSION_DIR, FIREFOX_DIR]) {
      const content = readFileSync(join(dir, 'first-pass.js'), 'utf8');
      const cardUi = readFileSync(join(dir, 'card-ui.js'), 'utf8');
      // the card's stylesheet and its heading id belong to the card UI only
      for (const marker of ['.card-summary', 'legal-lens-title-']) {
        assert.ok(!content.includes(marker), `${dir}: first-pass.js holds ${marker}`);
        assert.ok(cardUi.includes(marker), `${dir}: card-ui.js lacks ${marker}`);
      }
    }
  });

  it('makes only the highlighter web-accessible, in Chrome alone and only at its per-session URL', () => {
    const chrome = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    assert.deepEqual(chrome.web_accessible_resources, [{ resources: ['highlighter.js'], matches: ['<all_urls>'], use_dynamic_url: true }]);
    // use_dynamic_url is honoured from Chrome 130 on; before, the file would be reachable at the fixed URL
    assert.ok(Number(chrome.minimum_chrome_version) >= 130, `minimum_chrome_version ${chrome.minimum_chrome_version}`);
    const firefox = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    assert.equal(firefox.web_accessible_resources, undefined, 'Firefox: nothing is web-accessible');
  });

  it('imports the highlighter as a module from its per-session URL, which the page sees nothing of', async () => {
    const page = await env.browser.context.newPage();
    const cdp = await env.browser.context.newCDPSession(page);
    const parsed: { url: string; isModule: boolean }[] = [];
    const requested: string[] = [];
    cdp.on('Debugger.scriptParsed', (e) => parsed.push({ url: e.url, isModule: e.isModule === true }));
    cdp.on('Network.requestWillBeSent', (e) => requested.push(e.request.url));
    await cdp.send('Debugger.enable');
    await cdp.send('Network.enable');
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = violations;
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.blockedURI), true);
    });
    await page.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(page, 5);
    // requested at the session's GUID (Chrome then serves it from the extension's files: the debugger names it so)
    const guid = /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/highlighter\.js$/;
    assert.ok(requested.some((u) => guid.test(u)), JSON.stringify(requested.filter((u) => u.startsWith('chrome-extension://'))));
    // run as a module (fetched and compiled off the page's main thread), never injected as a classic script
    const highlighters = parsed.filter((s) => s.url.endsWith('/highlighter.js'));
    assert.deepEqual(highlighters.map((s) => s.isModule), [true]);
    const seen = await page.evaluate(() => ({
      resources: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(location.origin)),
      violations: (window as unknown as { __violations: string[] }).__violations,
    }));
    assert.deepEqual(seen, { resources: [], violations: [] });
    assert.deepEqual(env.browser.errors, []);
    await cdp.detach();
    await page.close();
  });

  it('compiles the first pass once in the top frame and in each frame once it can show a word (the rest get frame-start.js)', async () => {
    // Chrome's debugger reports every script compiled in the tab, in any world, with the frame it runs in
    const page = await env.browser.context.newPage();
    const cdp = await env.browser.context.newCDPSession(page);
    const parsed: { file: string; frameId: string }[] = [];
    cdp.on('Debugger.scriptParsed', (e) => {
      const file = /^chrome-extension:\/\/[^/]+\/(first-pass|frame-start)\.js$/.exec(e.url)?.[1];
      const frameId = (e.executionContextAuxData as { frameId?: string } | undefined)?.frameId;
      if (file && frameId) parsed.push({ file, frameId });
    });
    await cdp.send('Debugger.enable');
    await page.goto(env.server.url('/own/hidden-frames.html'));
    await waitForHighlights(page, 1);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const names = new Map<string, string>([[frameTree.frame.id, 'top'], ...(frameTree.childFrames ?? []).map((c): [string, string] => [c.frame.id, c.frame.name ?? ''])]);
    /** how many times `file` was compiled in each frame, by the frame's name */
    const compiled = (file: string) => {
      const counts: Record<string, number> = {};
      for (const p of parsed) if (p.file === file) counts[names.get(p.frameId) ?? p.frameId] = (counts[names.get(p.frameId) ?? p.frameId] ?? 0) + 1;
      return counts;
    };
    const marked = (name: string) => page.frame({ name })!.waitForFunction(() => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) >= 1);
    // the frame shown at once went through frame-start, the background's injection and the highlighter: the
    // hidden ones, laid out (1×1, off screen) or not, would have been injected by then had they been taken as shown
    await marked('shown');
    assert.deepEqual(compiled('frame-start'), { top: 1, shown: 1, unrendered: 1, tiny: 1, offscreen: 1, below: 1 });
    assert.deepEqual(compiled('first-pass'), { top: 1, shown: 1 }, 'the first pass was compiled in a frame that cannot show a word');
    // shown, each gets the first pass once, which finds its term; the frame far below the fold once scrolled to
    await page.evaluate(() => (window as unknown as { showFrames: () => void }).showFrames());
    for (const name of ['unrendered', 'tiny', 'offscreen']) await marked(name);
    assert.deepEqual(compiled('first-pass'), { top: 1, shown: 1, unrendered: 1, tiny: 1, offscreen: 1 });
    await page.evaluate(() => document.querySelector('[name=below]')!.scrollIntoView());
    await marked('below');
    assert.deepEqual(compiled('first-pass'), { top: 1, shown: 1, unrendered: 1, tiny: 1, offscreen: 1, below: 1 });
    assert.deepEqual(env.browser.errors, []);
    await cdp.detach();
    await page.close();
  });

  it('makes no network request of its own', async () => {
    const requests: string[] = [];
    env.browser.context.on('request', (r) => requests.push(r.url()));
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(page, 5);
    // open a card (fetches card text from the background), then every extension page
    await new ArticlePage(page).hover(/.+/, 3);
    await page.locator('legal-lens-ui [role="dialog"]').waitFor();
    for (const path of ['popup.html', 'explainer.html', 'explainer.html#287g', 'options.html']) {
      const p = await env.browser.context.newPage();
      await p.goto(env.browser.extensionUrl(path));
      await p.locator('#app *').first().waitFor();
      await p.close();
    }
    const outside = requests.filter((u) => !u.startsWith(env.server.origin) && !u.startsWith('chrome-extension://') && !u.startsWith('data:'));
    assert.deepEqual(outside, []);
    assert.ok(requests.some((u) => u.startsWith('chrome-extension://')), 'requests were recorded');
    await page.close();
  });

  for (const [name, path] of [['popup', 'popup.html'], ['explainer', 'explainer.html'], ['explainer term', 'explainer.html#writ-of-mandamus'], ['options', 'options.html']] as const) {
    it(`opens the ${name} page without console errors`, async () => {
      const page = await env.browser.context.newPage();
      await page.goto(env.browser.extensionUrl(path));
      await page.waitForLoadState('load');
      await page.locator('#app *').first().waitFor({ timeout: 5000 });
      await saveScreenshot(page, `smoke-${name}`);
      assert.deepEqual(env.browser.errors, []);
      await page.close();
    });
  }
});
