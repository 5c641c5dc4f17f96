// Page object for the toolbar popup, opened as a tab (headless Chromium does not expose action popups).
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../harness';

export class PopupPage {
  private constructor(readonly page: Page) {}

  /** Opens the popup while `activeTab` is the active tab of the window, as when the toolbar button is clicked. */
  static async openFor(browser: ExtensionBrowser, activeTab: Page): Promise<PopupPage> {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('popup.html'));
    await activeTab.bringToFront();
    await page.reload(); // runs again in the background tab, so the article is "the active tab"
    await page.locator('#app *').first().waitFor();
    return new PopupPage(page);
  }

  get search(): Locator {
    return this.page.getByRole('combobox', { name: /Search the glossary|Buscar en el glosario/ });
  }

  get results(): Locator {
    return this.page.getByRole('option');
  }

  get onThisPage(): Locator {
    return this.page.getByRole('region', { name: /On this page|En esta página/ });
  }
}
