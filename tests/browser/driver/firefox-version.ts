// firefox-version: whether a Firefox can run the Firefox tests, read from what `firefox --version` prints.

/**
 * The newest major version known to fail: Firefox ESR 140's WebDriver BiDi has no
 * `emulation.setScreenOrientationOverride`, which puppeteer 24 sends with every viewport, so no test tab opens
 * (seen with 140.12.0esr, Debian bookworm's firefox-esr before `apt-get update`; 153.8.0esr passes).
 */
export const NEWEST_FAILING_MAJOR = 140;

/**
 * Why the Firefox that printed `versionText` (e.g. "Mozilla Firefox 153.8.0esr") cannot run the tests, or null
 * when it can, or when the text names no version (then nothing is known against it).
 */
export function firefoxTooOld(versionText: string, path: string): string | null {
  const found = /Firefox\s+(\d+)\.(\d+)/.exec(versionText);
  if (!found) return null;
  const major = Number(found[1]);
  if (major > NEWEST_FAILING_MAJOR) return null;
  return (
    `${path} is Firefox ${found[1]}.${found[2]}: the Firefox tests need a release newer than ESR ${NEWEST_FAILING_MAJOR} ` +
    `(its WebDriver BiDi lacks emulation.setScreenOrientationOverride, which puppeteer sends with every viewport). ` +
    `Debian: sudo apt-get update && sudo apt-get install firefox-esr; or set FIREFOX_PATH to a newer Firefox.`
  );
}
