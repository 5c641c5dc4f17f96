// What a page can learn about its reader from Legal Lens (SECURITY.md, "What a page can observe"): nothing of
// ours is posted into the page's window or dispatched to its document, no performance mark or global appears in
// the page's world, and the figures `npm run bench` needs are told only to the extension itself. A recorder is
// installed in every frame before any script of ours runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useExtensionBrowser, waitForHighlights, type ChromeForTests } from './harness';
import { ArticlePage } from './pages/article-page';

interface Seen {
  messages: string[];
  events: string[];
}

describe('what a page can observe', () => {
  const env = useExtensionBrowser();

  it('posts no message into the page\'s window and dispatches no event of ours to it, in any frame (issue 10, defect 16)', async () => {
    // WXT's content-script context announced every start with both, named after the extension's id
    await env.browser.context.addInitScript((id: string) => {
      const seen: Seen = { messages: [], events: [] };
      (window as unknown as { __seen: Seen }).__seen = seen;
      addEventListener('message', (e) => seen.messages.push(JSON.stringify(e.data)), true);
      for (const name of ['wxt:content-script-started', `${id}:content:wxt:content-script-started`]) {
        for (const target of [window, document]) target.addEventListener(name, () => seen.events.push(name), true);
      }
    }, env.browser.extensionId);
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/frames-card.html'));
    const frames = page.frames();
    assert.equal(frames.length, 4);
    for (const frame of frames.slice(1)) {
      await frame.waitForFunction(() => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) > 0);
    }
    const top = new ArticlePage(page);
    await page.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(page, 5);
    await top.hover('Immigration and Nationality Act');
    await top.card.waitFor();
    await page.keyboard.press('Escape');
    for (const frame of [...frames, ...page.frames()]) {
      if (frame.isDetached()) continue;
      assert.deepEqual(await frame.evaluate(() => (window as unknown as { __seen: Seen }).__seen), { messages: [], events: [] }, frame.url());
    }
    await page.close();
  });

  it('leaves no performance mark, measure or global in the page\'s world (issue 10, defect 18)', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(page, 5);
    const article = new ArticlePage(page);
    await article.hover('Immigration and Nationality Act');
    await article.card.waitFor();
    const traces = await page.evaluate(() => ({
      entries: [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')].map((e) => e.name),
      globals: Object.keys(window).filter((k) => /legal|lens|wxt/i.test(k)),
    }));
    assert.deepEqual(traces, { entries: [], globals: [] });
    await page.close();
  });

  it('tells only its own extension what the first scan of a page cost (for npm run bench)', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/law-firm-article.html'));
    const painted = await waitForHighlights(page, 5);
    const stats = await env.browser.worker.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      for (;;) {
        const answer = (await api.tabs.sendMessage(tab!.id!, { type: 'legal-lens:page-stats' }, { frameId: 0 })) as { matches: number; paintedAt: number } | null;
        if (answer) return answer;
        await new Promise((r) => setTimeout(r, 50));
      }
    }, page.url());
    assert.ok(stats.matches >= painted.length, `${stats.matches} matches`);
    assert.ok(stats.paintedAt > 0 && stats.paintedAt < (await page.evaluate(() => performance.now())));
    await page.close();
  });
});
