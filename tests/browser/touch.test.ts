// Touch targets in real Chromium with a finger as the primary pointer (issue #12 item 8): every control of the
// card, the popup and the explainer page is at least 44 × 44 CSS px under (pointer: coarse) — WCAG 2.5.5 — the
// card's close button included; a long related-term chip wraps into a two-line pill inside the card. Links in the
// running text of an article keep their line (WCAG 2.5.8's inline exception).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { saveScreenshot, useExtensionBrowser, waitForHighlights } from './harness';
import { ArticlePage } from './pages/article-page';
import { PopupPage } from './pages/popup-page';

// A phone-sized window whose primary (and only) pointer is coarse and cannot hover, in every page the extension
// has — web pages and its own (blink's PointerType coarse = 2, HoverType none = 1; touch emulation alone does
// not reach chrome-extension:// pages).
const COARSE = '--blink-settings=primaryPointerType=2,availablePointerTypes=2,primaryHoverType=1,availableHoverTypes=1';
const env = useExtensionBrowser({ hasTouch: true, viewport: { width: 412, height: 800 }, args: [COARSE] });
const MIN = 44;

interface Target {
  what: string;
  width: number;
  height: number;
}

/** The size of every visible control in `scope` (a selector; `shadowHost` to look inside the card's shadow root). */
async function targets(page: Page, selector: string, { shadowHost = '', exempt = '' } = {}): Promise<Target[]> {
  return page.evaluate(
    ([sel, host, skip]) => {
      const root: ParentNode = host ? document.querySelector(host)!.shadowRoot! : document;
      return [...root.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !(skip && el.matches(skip)))
        .map((el) => {
          // a checkbox or switch inside its label is hit through the whole label
          const box = (el.matches('input[type="checkbox"]') && el.closest('label')) || el;
          const r = box.getBoundingClientRect();
          const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('placeholder') ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
          return { what: `${el.tagName.toLowerCase()} "${name}"`, width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 };
        });
    },
    [selector, shadowHost, exempt] as const,
  );
}

const tooSmall = (list: Target[]) => list.filter((t) => t.width < MIN - 0.5 || t.height < MIN - 0.5).map((t) => `${t.what}: ${t.width} × ${t.height}`);
const CONTROLS = 'a[href], button, input, [role="option"]';

describe('touch targets (pointer: coarse)', () => {
  it('the browser reports a finger as the primary pointer, on web pages and extension pages', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/target.html'));
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
    await page.goto(env.browser.extensionUrl('popup.html'));
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
    await page.close();
  });

  it('every control of the card, its close button included; a long chip wraps into a two-line pill', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(page, 60);
    const a = new ArticlePage(page);
    const term = await a.termBox('writ of mandamus');
    await page.touchscreen.tap(term.x + term.width / 2, term.y + term.height / 2);
    await a.card.waitFor();
    await a.settledCardBox();
    const controls = await targets(page, 'a[href], button', { shadowHost: 'legal-lens-ui' });
    assert.ok(controls.some((c) => c.what.startsWith('button "Close"')), 'the close button is measured');
    assert.ok(controls.length >= 6, `${controls.length} controls`);
    assert.deepEqual(tooSmall(controls), []);

    const chip = await page.evaluate(() => {
      const shadow = document.querySelector('legal-lens-ui')!.shadowRoot!;
      const card = shadow.querySelector('.card')!.getBoundingClientRect();
      const button = [...shadow.querySelectorAll<HTMLElement>('.related-term')].find((b) => /Administrative Procedure Act/.test(b.textContent ?? ''))!;
      const r = button.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(button).lineHeight);
      return { lines: Math.round((r.height - 2) / line), inside: r.left >= card.left && r.right <= card.right, text: button.textContent };
    });
    assert.equal(chip.text, 'Unreasonable delay under the Administrative Procedure Act');
    assert.ok(chip.lines >= 2, `the long chip is ${chip.lines} line(s) tall`);
    assert.ok(chip.inside, 'the chip stays inside the card');
    await saveScreenshot(page, 'card-touch-phone');
    await page.close();
  });

  it('every control of the popup', async () => {
    const article = await env.browser.context.newPage();
    await article.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(article, 60);
    const popup = await PopupPage.openFor(env.browser, article);
    await popup.onThisPage.getByRole('link').first().waitFor();
    const list = await targets(popup.page, CONTROLS);
    assert.ok(list.length >= 10, `${list.length} controls`);
    assert.deepEqual(tooSmall(list), []);
    await popup.search.fill('detainer');
    await popup.results.first().waitFor();
    assert.deepEqual(tooSmall(await targets(popup.page, '[role="option"]')), []);
    await popup.search.fill('zzzz');
    await popup.page.locator('.search-elsewhere a').waitFor();
    assert.deepEqual(tooSmall(await targets(popup.page, '.search-elsewhere a')), []);
    await popup.page.close();
    await article.close();
  });

  it('every control of the explainer index and of an article, except links inside running text', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.browser.extensionUrl('explainer.html'));
    await page.locator('.term-list a').first().waitFor();
    await page.keyboard.press('Tab'); // the skip link shows when it has focus
    const index = await targets(page, CONTROLS);
    assert.ok(index.length >= 70, `${index.length} controls on the index`);
    assert.deepEqual(tooSmall(index), []);

    await page.goto(env.browser.extensionUrl('explainer.html#writ-of-mandamus'));
    await page.locator('.article-body h2').first().waitFor();
    const article = await targets(page, CONTROLS, { exempt: '.article-body a, .skip-link' });
    assert.ok(article.some((t) => t.what.startsWith('a "Mandamus Act')), 'related chips are measured');
    assert.deepEqual(tooSmall(article), []);
    await saveScreenshot(page, 'explainer-touch-phone');
    await page.close();
    assert.deepEqual(env.browser.errors, []);
  });
});
