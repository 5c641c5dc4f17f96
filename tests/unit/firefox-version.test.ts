import { describe, expect, it } from 'vitest';
import { firefoxTooOld, NEWEST_FAILING_MAJOR } from '../browser/driver/firefox-version';

describe('firefoxTooOld (the Firefox the browser tests run)', () => {
  it('turns down ESR 140, naming the binary, what it lacks and how to upgrade', () => {
    const why = firefoxTooOld('Mozilla Firefox 140.12.0esr\n', '/usr/bin/firefox-esr');
    expect(why).toContain('/usr/bin/firefox-esr is Firefox 140.12');
    expect(why).toContain('emulation.setScreenOrientationOverride');
    expect(why).toContain('apt-get update');
    expect(firefoxTooOld('Mozilla Firefox 115.9.1esr', 'ff')).not.toBeNull();
  });

  it('accepts newer releases, ESR or not', () => {
    expect(firefoxTooOld('Mozilla Firefox 153.8.0esr\n', '/usr/bin/firefox-esr')).toBeNull();
    expect(firefoxTooOld(`Mozilla Firefox ${NEWEST_FAILING_MAJOR + 1}.0`, 'ff')).toBeNull();
    expect(firefoxTooOld('Mozilla Firefox 160.0a1', 'ff')).toBeNull();
  });

  it('lets a binary that prints no version through: nothing is known against it', () => {
    expect(firefoxTooOld('', 'ff')).toBeNull();
    expect(firefoxTooOld('GNU IceCat', 'ff')).toBeNull();
  });
});
