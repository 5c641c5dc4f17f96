// The extension's own pages in a real browser: popup search and "On this page", the explainer page and
// index (contracts in DESIGN.md), and the options page changing what the content script does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { ROOT, saveScreenshot, useExtensionBrowser, waitForHighlights } from './harness';
import { PopupPage } from './pages/popup-page';

const glossary = compileGlossary(`${ROOT}/glossary`);
const env = useExtensionBrowser();

describe('popup', () => {
  it('searches with a labelled search field; arrow keys and Enter open a result', async () => {
    const article = await env.browser.context.newPage();
    await article.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(article, 60);
    const popup = await PopupPage.openFor(env.browser, article);
    assert.equal(await popup.search.getAttribute('type'), 'search');
    await popup.search.fill('mandamus');
    await popup.results.first().waitFor();
    assert.match((await popup.results.first().textContent()) ?? '', /mandamus/i);
    await popup.search.fill('inmigracion');
    await popup.results.first().waitFor();
    await popup.search.fill('mandamus');
    await popup.page.waitForFunction(() => /mandamus/i.test(document.querySelector('[role="option"]')?.textContent ?? ''));
    await saveScreenshot(popup.page, 'popup-search');
    await popup.search.press('ArrowDown');
    const selected = await popup.page.getAttribute('[role="option"][aria-selected="true"]', 'id');
    assert.ok(selected, 'ArrowDown selects a result');
    // Enter opens the explainer in a new tab (and the popup closes itself, as a popup does)
    const [tab] = await Promise.all([
      env.browser.context.waitForEvent('page'),
      // the popup may close before the key press returns
      popup.page.keyboard.press('Enter').catch((e: Error) => assert.match(e.message, /closed/)),
    ]);
    await tab.waitForLoadState();
    assert.match(tab.url(), /explainer\.html.*#[a-z0-9-]+$/);
    await tab.close();
    if (!popup.page.isClosed()) await popup.page.close();
    await article.close();
  });

  it('lists the terms found on the active tab', async () => {
    const article = await env.browser.context.newPage();
    await article.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(article, 60);
    const popup = await PopupPage.openFor(env.browser, article);
    await popup.onThisPage.getByRole('link').first().waitFor();
    const text = (await popup.onThisPage.textContent()) ?? '';
    for (const title of ['Writ of mandamus', '287(g) program', 'Racial profiling', 'Civil rights']) assert.ok(text.includes(title), `${title} in: ${text}`);
    await saveScreenshot(popup.page, 'popup-on-this-page');
    await popup.page.close();
    await article.close();
  });
});

describe('explainer page', () => {
  it('lists every term and guide as links', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.browser.extensionUrl('explainer.html'));
    await page.locator('a[href$="#writ-of-mandamus"]').first().waitFor();
    const hrefs = await page.$$eval('a[href*="#"]', (links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    const ids = [...Object.keys(glossary.articles.terms), ...Object.keys(glossary.articles.guides)];
    assert.deepEqual(ids.filter((id) => !hrefs.includes(id)), []);
    await saveScreenshot(page, 'explainer-index');
    await page.close();
  });

  it('shows a term at explainer.html#id, in Spanish too, with its sources and the disclaimer', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.browser.extensionUrl('explainer.html#writ-of-mandamus'));
    await page.getByRole('heading', { level: 1, name: 'Writ of mandamus' }).waitFor();
    // the body and its sources come in a chunk of their own, after the heading
    await page.locator('a[href^="https://www.law.cornell.edu/uscode/text/28/1361"]').first().waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    assert.match(body, /General information, not legal advice/);
    assert.match(body, /28 U\.S\.C\. § 1361/);
    assert.ok(await page.locator('a[href^="https://www.law.cornell.edu/uscode/text/28/1361"]').count());
    await saveScreenshot(page, 'explainer-term');
    await page.goto(env.browser.extensionUrl('explainer.html?lang=es#writ-of-mandamus'));
    await page.getByRole('heading', { level: 1, name: /Demanda de mandamus/ }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    await page.goto(env.browser.extensionUrl('explainer.html#mandamus-civil-rights-profiling'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    // guides link their terms (the body arrives after the heading)
    await page.locator('a.term-link[data-term="writ-of-mandamus"]').first().waitFor();
    assert.deepEqual(env.browser.errors, []);
    await page.close();
  });
});

describe('options page', () => {
  it('changes the highlight style on open tabs, live', async () => {
    const article = await env.browser.context.newPage();
    await article.goto(env.server.url('/own/law-firm-article.html'));
    await waitForHighlights(article, 60);
    const options = await env.browser.context.newPage();
    await options.goto(env.browser.extensionUrl('options.html'));
    await options.getByRole('radio', { name: /background/i }).check();
    await waitForHighlights(article, 60, 'legal-lens-background');
    await saveScreenshot(options, 'options');
    await options.getByRole('radio', { name: /underline/i }).check();
    await waitForHighlights(article, 60, 'legal-lens-underline');
    await options.close();
    await article.close();
    assert.deepEqual(env.browser.errors, []);
  });
});
