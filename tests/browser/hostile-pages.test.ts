// The hostile-page suite, pages that attack by what they do (fixtures in fixtures/hostile/, each saying what it
// attacks): each in Chromium and Firefox, with and without the extension, checked as hostile/check.ts says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { OWN_FIXTURES, ROOT } from './harness';
import { hostileSuite, type HostileFixture } from './hostile/check';
import type { WebPage } from './pages/web-page';

const cards = compileGlossary(`${ROOT}/glossary`).cards;
const title = (id: string) => cards[id].en.title;

/** Clicks just after the end of `text` (in an editor: puts the caret there) and types `typed`. */
async function typeAfter(page: WebPage, text: string, typed: string): Promise<void> {
  const box = await page.tab.evaluate((t) => __lens.textBox(t), text);
  assert.ok(box, `"${text}" on the page`);
  await page.tab.click(box.x + box.width - 1, box.y + box.height / 2);
  await page.tab.press('End');
  await page.tab.type(typed);
}

/** The caret is where the reader left it: collapsed, right after the text they typed. */
async function caretAfter(page: WebPage, typed: string): Promise<void> {
  const caret = await page.tab.evaluate(() => {
    const s = getSelection()!;
    const node = s.focusNode;
    return { collapsed: s.isCollapsed, before: (node?.textContent ?? '').slice(0, s.focusOffset) };
  });
  assert.ok(caret.collapsed, 'the caret is collapsed');
  assert.ok(caret.before.endsWith(typed), `the caret stands after the typed text: "${caret.before}"`);
}

const fixtures: HostileFixture[] = [
  {
    name: 'mutation storm',
    attacks: '1,000 DOM changes a second for 3 seconds',
    // 3 s, not 10: the observer flushes every 100 ms and a burst costs one full rescan at most once a second, so
    // three seconds already hold 30 flushes and 3 rescan periods: the page's timer is measured over the same
    // steady state as in 10 s, in a third of the time (four runs a fixture)
    path: '/own/hostile/mutation-storm.html',
    marks: 'page',
    pageScript: true,
    cards: [{ text: 'writ of mandamus', heading: title('writ-of-mandamus') }, { text: 'ICE', n: 3, heading: title('ice') }],
  },
  {
    name: 'infinite scroll',
    attacks: '20 stories appended as the reader nears the bottom, 30 times',
    path: '/own/hostile/infinite-scroll.html',
    marks: 150,
    act: async (page) => {
      for (let i = 0; i < 40; i++) {
        // the reader scrolls to the bottom; the page appends its next stories on the scroll event that follows
        const state = await page.tab.evaluate(() => {
          const count = document.getElementById('feed')!.children.length;
          scrollTo(0, document.documentElement.scrollHeight);
          return { count, done: (window as unknown as { pageDone?: boolean }).pageDone === true };
        });
        if (state.done) return;
        await page.tab.waitFor((n) => document.getElementById('feed')!.children.length > n, state.count, 5000);
      }
      assert.fail('the feed never ended');
    },
    cards: [{ text: 'racial profiling', n: 149, heading: title('racial-profiling') }],
  },
  {
    name: 'rich-text editor',
    attacks: 'terms inside the page\'s own editor; the reader types in it',
    path: '/own/hostile/editor.html',
    marks: 3,
    pageScript: true,
    act: (page) => typeAfter(page, 'next month.', ' Then racial profiling.'),
    cards: [{ text: 'ICE', heading: title('ice') }, { text: 'racial profiling', heading: title('racial-profiling') }],
    noCards: [{ text: 'writ of mandamus' }],
    check: (page) => caretAfter(page, ' Then racial profiling.'),
  },
  {
    name: 'designMode',
    attacks: 'the whole document an editor; the reader types in it',
    path: '/own/hostile/design-mode.html',
    marks: 0,
    pageScript: true,
    act: (page) => typeAfter(page, 'Type here:', ' Hello.'),
    noCards: [{ text: '287(g) program' }, { text: 'civil rights' }],
    check: (page) => caretAfter(page, ' Hello.'),
  },
  {
    name: 'strict CSP',
    attacks: 'Content-Security-Policy: default-src \'none\'',
    path: '/gen/strict-csp',
    marks: 2,
    quiet: true,
    cards: [{ text: 'Notice to Appear', heading: title('notice-to-appear') }, { text: 'writ of mandamus', heading: title('writ-of-mandamus') }],
    check: async (page) => {
      await page.hover('writ of mandamus');
      await page.waitForCard();
      const look = await page.tab.evaluate(() => {
        const host = [...document.querySelectorAll('*')].find((e) => e.localName.startsWith('legal-lens'))!;
        const dialog = host.shadowRoot!.querySelector('[role="dialog"]')!;
        return { background: getComputedStyle(dialog).backgroundColor, heading: getComputedStyle(dialog.querySelector('h2')!).fontSize };
      });
      assert.deepEqual(look, { background: 'rgb(255, 255, 255)', heading: '17px' }, 'the card is styled');
    },
  },
  {
    name: 'replaced prototypes and globals',
    attacks: 'appendChild, attachShadow, querySelector, MutationObserver, highlight registry… replaced in the page\'s world',
    path: '/own/hostile/prototypes.html',
    marks: 3,
    pageScript: true,
    quiet: true,
    cards: [{ text: '287(g) program', heading: title('287g') }, { text: 'civil rights', heading: title('civil-rights') }],
  },
  {
    name: 'hostile CSS for custom elements and shadow hosts',
    attacks: 'undefined custom elements, everything after <body> and shadow hosts hidden',
    path: '/own/hostile/hostile-elements.html',
    marks: 2,
    quiet: true,
    cards: [{ text: 'racial profiling', heading: title('racial-profiling') }, { text: 'Notice to Appear', heading: title('notice-to-appear') }],
  },
  {
    name: 'nested same- and cross-origin frames',
    attacks: 'frames in frames, across two origins, srcdoc and about:blank',
    path: '/own/hostile/frames.html',
    // each frame's content script carries no glossary: it asks the background for the heads' filter and for the
    // keys of the heads its words hold (glossary/runtime/paged-matcher.ts), so six frames no longer compile the
    // whole glossary six times on the page's thread (issue 13). Measured in Chromium: the page's timer held 88 ms
    // with the extension and 144 ms without, the extension's longest task 6.4 ms (it was 150-350 ms worse before)
    marks: 1,
    frameMarks: [
      { frames: ['same'], marks: 1 },
      { frames: ['same', 'same-inner'], marks: 1 },
      { frames: ['cross'], marks: 1 },
      { frames: ['cross', 'cross-inner'], marks: 1 },
      { frames: ['srcdoc'], marks: 1 },
      { frames: ['blank'], marks: 1 },
    ],
    quiet: true,
    cards: [
      { text: 'racial profiling', heading: title('racial-profiling') },
      { text: 'writ of mandamus', frames: ['same'], heading: title('writ-of-mandamus') },
      { text: 'qualified immunity', frames: ['same', 'same-inner'], heading: title('qualified-immunity') },
      { text: '287(g) program', frames: ['cross'], heading: title('287g') },
      { text: 'qualified immunity', frames: ['cross', 'cross-inner'], heading: title('qualified-immunity') },
      { text: 'Notice to Appear', frames: ['srcdoc'], heading: title('notice-to-appear') },
      { text: 'civil rights', frames: ['blank'], heading: title('civil-rights') },
    ],
  },
  {
    name: 'janitor',
    attacks: 'a script that removes unknown children of <html> and <body> at once',
    path: '/own/hostile/janitor.html',
    marks: 3,
    // the card's host removed by the page (issue 10, defect 14): it goes one level further in, into <main>
    pageScript: true,
    cards: [
      { text: '287(g) program', heading: title('287g') },
      { text: 'writ of mandamus', heading: title('writ-of-mandamus') },
      { text: 'civil rights', heading: title('civil-rights') },
      { text: '287(g) program', heading: title('287g') },
    ],
  },
];

hostileSuite('hostile pages: behaviour', fixtures, {
  'strict-csp': () => ({
    body: readFileSync(join(OWN_FIXTURES, 'hostile/strict-csp.html'), 'utf8'),
    headers: { 'content-security-policy': "default-src 'none'" },
  }),
});
