// One entry to the drivers: launch a browser of either kind, and run a suite once per browser, sharing one
// browser per suite (launched before its tests, closed after).
import { after, before, describe } from 'node:test';
import { startServer, type FixtureServer } from '../harness';
import { launchChromium, launchPlainChromium } from './chromium';
import { launchFirefox, launchPlainFirefox } from './firefox';
import type { BrowserKind, BrowserUnderTest, LaunchOptions } from './types';

export * from './types';

/** The browsers every behaviour runs in; BROWSERS=chromium (or firefox) runs one of them. */
export const BROWSERS: BrowserKind[] = (process.env.BROWSERS?.split(',').filter((b): b is BrowserKind => b === 'chromium' || b === 'firefox')) ?? ['chromium', 'firefox'];

export function launch(kind: BrowserKind, options: LaunchOptions = {}): Promise<BrowserUnderTest> {
  return kind === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

export function launchWithout(kind: BrowserKind, options: LaunchOptions = {}): Promise<BrowserUnderTest> {
  return kind === 'chromium' ? launchPlainChromium(options) : launchPlainFirefox(options);
}

export interface SuiteEnv {
  browser: BrowserUnderTest;
  server: FixtureServer;
}

/**
 * Declares `suite` once per browser (`describe("<title> (<browser>)")`), each with one browser with the extension
 * (and a fixture server) shared by its tests. Read `env.browser` and `env.server` inside the tests.
 */
export function forEachBrowser(title: string, options: LaunchOptions, suite: (env: SuiteEnv, kind: BrowserKind) => void): void {
  for (const kind of BROWSERS) {
    describe(`${title} (${kind})`, () => {
      const env = {} as SuiteEnv;
      before(async () => {
        env.server = await startServer();
        env.browser = await launch(kind, options);
      });
      after(async () => {
        await env.browser?.close();
        env.server?.server.close();
      });
      suite(env, kind);
    });
  }
}
