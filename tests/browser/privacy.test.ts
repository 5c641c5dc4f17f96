// What a page can learn about its reader from Legal Lens (SECURITY.md, "What a page can observe"), in Chromium and
// Firefox: nothing of ours is posted into the page's window or dispatched to its document, no performance mark or
// global appears in the page's world, and the figures `npm run bench` needs are told only to the extension
// itself. The recorder is installed in every frame before any script of ours runs.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBrowser } from './driver';
import { WebPage } from './pages/web-page';

interface Seen {
  messages: string[];
  events: string[];
}

forEachBrowser('what a page can observe', {}, (env, kind) => {
  it('posts no message into the page\'s window and dispatches no event of ours to it, in any frame (issue 10, defect 16)', async () => {
    // WXT's content-script context announced every start with both, named after the extension's id
    const id = kind === 'chromium' ? new URL(env.browser.extensionUrl('x')).host : 'legal-lens@legal-lens.org';
    const tab = await env.browser.newTab();
    await tab.addInitScript((extensionId: string) => {
      const seen: Seen = { messages: [], events: [] };
      (window as unknown as { __seen: Seen }).__seen = seen;
      addEventListener('message', (e) => seen.messages.push(JSON.stringify(e.data)), true);
      for (const name of ['wxt:content-script-started', `${extensionId}:content:wxt:content-script-started`, `${extensionId}:early-input:wxt:content-script-started`]) {
        for (const target of [window, document]) target.addEventListener(name, () => seen.events.push(name), true);
      }
    }, id);
    await tab.goto(env.server.url('/own/frames-card.html'));
    const a = new WebPage(tab);
    const frames = [];
    for (const name of ['srcdoc', 'blank', 'child']) {
      const { frame } = await a.frameAt([name]);
      await a.waitForMarks(1, undefined, 15_000, frame);
      frames.push(frame);
    }
    // a card opens in one of them, and the top page is read last
    await a.pointAt((await a.termBoxIn(['child'], '287(g) program')).box);
    await a.waitForCard(5000, frames[2]);
    for (const frame of [...frames, tab]) {
      assert.deepEqual(await frame.evaluate(() => (window as unknown as { __seen: Seen }).__seen), { messages: [], events: [] });
    }
    await tab.close();
  });

  it('leaves no performance mark, measure or global in the page\'s world (issue 10, defect 18)', async () => {
    const a = await WebPage.open(env.browser, env.server.url('/own/law-firm-article.html'), 5);
    await a.hover('Immigration and Nationality Act');
    await a.waitForCard();
    const traces = await a.tab.evaluate(() => ({
      entries: [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')].map((e) => e.name),
      globals: Object.keys(window).filter((k) => /legal|lens|wxt/i.test(k) && k !== '__lens'), // __lens: the test's own
    }));
    assert.deepEqual(traces, { entries: [], globals: [] });
    await a.tab.close();
  });

  it('shows a page what SECURITY.md says it can learn: our highlight style on a page without terms, and a term it plants out of sight marked', async () => {
    // both rows of SECURITY.md's table that a page without any term of its own can read: if either stops being
    // true, the table must say so
    const a = await WebPage.open(env.browser, env.server.url('/own/no-terms.html'), 0);
    const style = await a.tab.evaluate(() => getComputedStyle(document.body, '::highlight(legal-lens-underline)').textDecorationStyle);
    assert.equal(style, 'dotted');
    assert.equal(await a.tab.evaluate(() => CSS.highlights.has('legal-lens-underline')), false);
    await a.tab.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="position:absolute;left:-9999px">A writ of mandamus.</p>'));
    await a.tab.waitFor(() => CSS.highlights.has('legal-lens-underline'), undefined, 10_000);
    await a.tab.close();
  });

  it('gives a page no file to fetch: the card UI, injected once a card opens, and the catalog the background reads cannot be requested', async () => {
    const a = await WebPage.open(env.browser, env.server.url('/own/law-firm-article.html'), 5);
    await a.hover('Immigration and Nationality Act');
    await a.waitForCard();
    for (const file of ['card-ui.js', 'highlighter.js', 'glossary/catalog.json']) {
      const url = env.browser.extensionUrl(file);
      const fetched = await a.tab.evaluate((u) => fetch(u).then(() => 'fetched', (e) => `refused: ${e}`), url);
      assert.match(fetched, /^refused/, file);
    }
    // the browser logs the refused requests as the page's errors; nothing else may be there
    assert.deepEqual(env.browser.errors.filter((e) => !/card-ui\.js|highlighter\.js|catalog\.json/.test(e) && !e.includes('chrome-extension://invalid')), []);
    env.browser.errors.length = 0;
    await a.tab.close();
  });

  it('tells only its own extension what the first scan of a page cost (for npm run bench)', async () => {
    const a = await WebPage.open(env.browser, env.server.url('/own/law-firm-article.html'), 5);
    const painted = (await a.marks()).length;
    type Stats = { matches: number; paintedAt: number };
    const ask = async (): Promise<Stats> => {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        const answer = (await env.browser.askTab(a.tab.url(), { type: 'legal-lens:page-stats' })) as Stats | null;
        if (answer) return answer;
      }
      throw new Error('the content script never answered');
    };
    const stats = await ask();
    assert.ok(stats.matches >= painted, `${stats.matches} matches`);
    assert.ok(stats.paintedAt > 0 && stats.paintedAt < (await a.tab.evaluate(() => performance.now())));
    await a.tab.close();
  });
});
