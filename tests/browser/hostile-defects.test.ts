// The hostile-page suite, one fixture per pipeline defect of issue 10 (8, 9, 10, 11, 13, 15; 17 is in
// hostile-size.test.ts): each in Chromium and Firefox, with and without the extension, checked as hostile/check.ts
// says. Defect 19 (settings) has its own test here: the options page with hundreds of sites.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { forEachBrowser } from './driver';
import { ROOT } from './harness';
import { hostileSuite, type HostileFixture } from './hostile/check';
import { WebPage, center, type Box } from './pages/web-page';

const cards = compileGlossary(`${ROOT}/glossary`).cards;
const title = (id: string) => cards[id].en.title;

/** Clicks the middle of the first occurrence of `text` on the page (a button's label, a paragraph). */
async function clickText(page: WebPage, text: string): Promise<Box> {
  const box = await page.tab.evaluate((t) => __lens.textBox(t), text);
  assert.ok(box, `"${text}" on the page`);
  const c = center(box);
  await page.tab.click(c.x, c.y);
  return box;
}

/** Clicks just after the end of `text` (in an editor: puts the caret there) and types `typed`. */
async function typeAfter(page: WebPage, text: string, typed: string): Promise<void> {
  const box = await page.tab.evaluate((t) => __lens.textBox(t), text);
  assert.ok(box, `"${text}" on the page`);
  await page.tab.click(box.x + box.width - 1, box.y + box.height / 2);
  await page.tab.press('End');
  await page.tab.type(typed);
}

const waitMarked = (page: WebPage, text: string, marked = true) =>
  page.tab.waitFor(([t, m]) => __lens.marks().some((x) => x.replace(/\s+/g, ' ') === t) === m, [text, marked] as const, 5000);

const fixtures: HostileFixture[] = [
  {
    name: 'defect 8: the page empties the highlight registry',
    attacks: 'CSS.highlights.clear(), then our entry deleted and text added',
    path: '/own/hostile/registry-cleared.html',
    marks: 3,
    act: async (page, { withExtension }) => {
      if (withExtension) await page.waitForMarks(2);
      await page.tab.evaluate(() => (window as unknown as { clearRegistry: () => void }).clearRegistry());
      if (withExtension) {
        assert.equal(await page.tab.evaluate(() => __lens.registered()), false, 'the page did empty the registry');
        // the reader moves the pointer: the same marks are back
        await page.tab.moveMouse(200, 200, 3);
        await page.waitForMarks(2, undefined, 5000);
      }
      // the page deletes our entry and adds text: marked and shown without anything else happening
      await page.tab.evaluate(() => (window as unknown as { deleteOursAndAdd: () => void }).deleteOursAndAdd());
    },
    cards: [{ text: 'Notice to Appear', heading: title('notice-to-appear') }, { text: 'racial profiling', heading: title('racial-profiling') }],
  },
  {
    name: 'defect 9: attributes that decide what is scanned',
    attacks: 'an accordion and tabs reveal text by removing `hidden`; a paragraph made contenteditable',
    path: '/own/hostile/reveal.html',
    marks: 2,
    act: async (page, { withExtension }) => {
      if (withExtension) await page.waitForMarks(2);
      await clickText(page, 'Show details');
      if (withExtension) await waitMarked(page, '287(g) program');
      await clickText(page, 'Second tab');
      if (withExtension) {
        await waitMarked(page, 'writ of mandamus');
        await waitMarked(page, 'racial profiling', false);
      }
      await page.tab.evaluate(() => (window as unknown as { makeEditable: () => void }).makeEditable());
      if (withExtension) await waitMarked(page, 'civil rights', false);
    },
    cards: [{ text: '287(g) program', heading: title('287g') }, { text: 'writ of mandamus', heading: title('writ-of-mandamus') }],
    noCards: [{ text: 'civil rights' }],
  },
  {
    name: 'defect 10: shadow roots on ordinary elements, and late ones',
    attacks: 'a <div>\'s and a declarative <article> shadow root; one attached after load, one by a late custom element',
    path: '/own/hostile/late-shadow.html',
    marks: 4,
    pageScript: true,
    act: async (page, { withExtension }) => {
      if (!withExtension) return;
      await page.waitForMarks(2);
      // the reader points at the late ones
      for (const text of ['Late div', 'Late element']) {
        const box = await page.tab.evaluate((t) => __lens.textBox(t), text);
        assert.ok(box, text);
        await page.pointAt(box);
        await page.tab.moveMouse(center(box).x + 3, center(box).y, 2);
      }
    },
    cards: [
      { text: 'racial profiling', heading: title('racial-profiling') },
      { text: 'Notice to Appear', heading: title('notice-to-appear') },
      { text: 'writ of mandamus', heading: title('writ-of-mandamus') },
      { text: 'civil rights', heading: title('civil-rights') },
    ],
  },
  {
    name: 'defect 11: off on this site reaches its frames',
    attacks: 'srcdoc and about:blank frames, and a child page, when the site is turned off',
    path: '/own/hostile/frames-off.html',
    marks: 1,
    frameMarks: [{ frames: ['srcdoc'], marks: 1 }, { frames: ['blank'], marks: 1 }, { frames: ['child'], marks: 1 }],
    quiet: true,
    act: async (page, { withExtension, browser, server }) => {
      if (!withExtension) return;
      const frames = await Promise.all(['srcdoc', 'blank', 'child'].map(async (name) => (await page.frameAt([name])).frame));
      for (const frame of [page.tab, ...frames]) await page.waitForMarks(1, undefined, 10_000, frame);
      await browser.setSettings({ disabledSites: [new URL(server.origin).host] });
      try {
        for (const frame of [page.tab, ...frames]) await page.waitForNoMarks(5000, frame);
      } finally {
        await browser.setSettings({ disabledSites: [] });
      }
    },
    cards: [{ text: 'writ of mandamus', frames: ['srcdoc'], heading: title('writ-of-mandamus') }, { text: 'civil rights', frames: ['blank'], heading: title('civil-rights') }],
  },
  {
    name: 'defect 13: editors made after load',
    attacks: 'an element made contenteditable, then the document switched to designMode; the reader types in both',
    path: '/own/hostile/late-editors.html',
    marks: 0,
    act: async (page, { withExtension }) => {
      if (withExtension) await page.waitForMarks(2);
      await page.tab.evaluate(() => (window as unknown as { makeEditor: () => void }).makeEditor());
      if (withExtension) await waitMarked(page, 'writ of mandamus', false);
      await typeAfter(page, 'a writ of mandamus.', ' More.');
      await page.tab.evaluate(() => (window as unknown as { editPage: () => void }).editPage());
      await typeAfter(page, 'came by.', ' Edited.');
    },
    noCards: [{ text: 'writ of mandamus' }, { text: 'ICE' }],
    check: async (page) => {
      const text = await page.tab.evaluate(() => document.body.innerText);
      assert.match(text, /came by\. Edited\./);
      assert.match(text, /writ of mandamus\. More\./);
      const caret = await page.tab.evaluate(() => getSelection()!.focusNode!.textContent!.slice(0, getSelection()!.focusOffset));
      assert.ok(caret.endsWith(' Edited.'), `the caret stands after the typed text: "${caret}"`);
    },
  },
  {
    name: 'defect 15: cards in shadow roots and frames',
    attacks: 'ten places: light DOM, custom element, <div> and declarative shadow roots, nested ones; the same in frames',
    path: '/own/hostile/shadow-frames.html',
    marks: 5,
    frameMarks: [
      { frames: ['f-light'], marks: 1 },
      { frames: ['f-shadow'], marks: 1 },
      { frames: ['f-declarative'], marks: 1 },
      { frames: ['f-nested'], marks: 1 },
      { frames: ['f-cross'], marks: 1 },
    ],
    cards: [
      { text: 'racial profiling', heading: title('racial-profiling') },
      { text: 'writ of mandamus', heading: title('writ-of-mandamus') },
      { text: '287(g) program', heading: title('287g') },
      { text: 'Notice to Appear', heading: title('notice-to-appear') },
      { text: 'civil rights', heading: title('civil-rights') },
      { text: 'qualified immunity', frames: ['f-light'], heading: title('qualified-immunity') },
      { text: 'racial profiling', frames: ['f-shadow'], heading: title('racial-profiling') },
      { text: 'writ of mandamus', frames: ['f-declarative'], heading: title('writ-of-mandamus') },
      { text: 'Notice to Appear', frames: ['f-nested'], heading: title('notice-to-appear') },
      { text: 'civil rights', frames: ['f-cross'], heading: title('civil-rights') },
    ],
  },
];

hostileSuite('hostile pages: defects', fixtures);

forEachBrowser('defect 19: settings within sync storage\'s quota', {}, (env) => {
  it('adds a site to 400 turned off, in the options page, past the 8 KB one storage item holds; the site\'s pages follow', async () => {
    const port = new URL(env.server.origin).port;
    const sites = Array.from({ length: 400 }, (_, i) => `site-${i}.news-example.org`);
    await env.browser.setSettings({ disabledSites: sites });
    const options = await env.browser.openExtensionPage('options.html');
    await options.waitFor((n) => document.querySelectorAll('.site-list li').length === n, sites.length, 10_000);
    const field = await options.evaluate(() => {
      const input = document.getElementById('add-site-input')!;
      input.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      const r = input.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await options.click(field.x, field.y);
    await options.type(`127.0.0.1:${port}`);
    await options.press('Enter');
    await options.waitFor(() => /Saved|Guardado/.test(document.querySelector('.save-status')?.textContent ?? '') || !!document.querySelector('.save-error')?.textContent, undefined, 5000);
    assert.equal(await options.evaluate(() => document.querySelector('.save-error')?.textContent ?? ''), '', 'no save error');
    await options.close();
    // stored (the page reads it again), and the site's pages are off
    const again = await env.browser.openExtensionPage('options.html');
    await again.waitFor((n) => document.querySelectorAll('.site-list li').length === n, sites.length + 1, 10_000);
    await again.close();
    // a site that is off registers nothing: watched for 1.5 s of the page's time after it loaded
    const page = new WebPage(await env.browser.open(env.server.url('/own/law-firm-article.html')));
    const t = await page.tab.evaluate(() => performance.now());
    await page.tab.waitFor((start) => performance.now() > start + 1500, t, 5000);
    assert.deepEqual(await page.ourHighlights(), [], 'the site is off');
    await page.tab.close();
    await env.browser.setSettings({ disabledSites: [] });
    assert.deepEqual(env.browser.errors, []);
  });
});
