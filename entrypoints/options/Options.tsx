// The settings page: one labelled control per setting in utils/settings.ts. Every change is saved at once
// and announced politely ("Saved"); a change that could not be saved is announced as an alert, and the page goes
// back to what is stored; changes made elsewhere (the popup) show up here too.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pickLang, UI } from '@/components/i18n';
import { CATEGORIES, type Category } from '@/glossary/runtime/categories';
import {
  HIGHLIGHT_STYLES, HOVER_DELAY, LANGUAGE_CHOICES, SettingsSaveError, isCategoryShown, loadSettings, saveSettings, setSiteDisabled, siteOf,
  watchSettings, type Settings,
} from '@/utils/settings';

export interface OptionsProps {
  initialSettings: Settings;
  uiLanguage: string;
}

const STATUS_MS = 2500;
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/** What the user typed ("https://www.example.com/page", "Example.com") as a site key, or null. */
export function parseSiteInput(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  const site = text.includes('://') ? siteOf(text) : text.split(/[/?#]/)[0].replace(/^www\./, '');
  return site && site.length <= 253 && HOST.test(site) ? site : null;
}

async function currentShortcut(): Promise<string | null | undefined> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === 'focus-card')?.shortcut || null;
  } catch {
    return undefined; // unknown: the browser would not say
  }
}

export function Options({ initialSettings, uiLanguage }: OptionsProps) {
  const [settings, setSettings] = useState(initialSettings);
  const [delay, setDelay] = useState(initialSettings.hoverDelay);
  const [status, setStatus] = useState('');
  const [saveError, setSaveError] = useState<'too-many-sites' | 'storage' | null>(null);
  const [siteInput, setSiteInput] = useState('');
  const [siteError, setSiteError] = useState(false);
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  const statusTimer = useRef(0);
  // what the page shows, as of the last change: a change made before the previous one re-rendered (or was saved)
  // builds on it, not on the settings of the last render
  const latest = useRef(initialSettings);
  const pendingSaves = useRef(0);
  const showSettings = (next: Settings) => {
    latest.current = next;
    setSettings(next);
  };
  const lang = pickLang(settings.language, uiLanguage);
  const t = UI[lang];

  useEffect(
    () =>
      watchSettings((next) => {
        // our own saves answer for themselves (persist); a change made elsewhere shows at once
        if (pendingSaves.current > 0) return;
        showSettings(next);
        setDelay(next.hoverDelay);
      }),
    [],
  );
  useEffect(() => void currentShortcut().then(setShortcut), []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.optionsTitle;
  }, [lang]);

  /** Shows `patch` at once, saves it with `write`; on failure, says so and shows what is stored instead. */
  const persist = async (patch: Partial<Settings>, write: () => Promise<Settings>) => {
    showSettings({ ...latest.current, ...patch });
    clearTimeout(statusTimer.current);
    pendingSaves.current++;
    try {
      const next = await write();
      // saves are queued (utils/settings.ts): while later ones are on their way, this one's result is out of date
      if (--pendingSaves.current > 0) return;
      showSettings(next);
      setSaveError(null);
      setStatus(UI[pickLang(next.language, uiLanguage)].savedStatus);
      statusTimer.current = window.setTimeout(() => setStatus(''), STATUS_MS);
    } catch (error) {
      pendingSaves.current--;
      setStatus('');
      setSaveError(error instanceof SettingsSaveError ? error.reason : 'storage');
      const stored = await loadSettings();
      showSettings(stored);
      setDelay(stored.hoverDelay);
    }
  };
  const save = (patch: Partial<Settings>) => persist(patch, () => saveSettings(patch));
  const setSiteOff = (site: string, off: boolean) =>
    persist({ disabledSites: [...latest.current.disabledSites.filter((s) => s !== site), ...(off ? [site] : [])] }, () =>
      setSiteDisabled(site, off),
    );

  const addSite = (e: Event) => {
    e.preventDefault();
    const site = parseSiteInput(siteInput);
    if (!site) {
      setSiteError(true);
      return;
    }
    setSiteError(false);
    setSiteInput('');
    if (!latest.current.disabledSites.includes(site)) void setSiteOff(site, true);
  };

  // what is stored is what the user turned off, so that categories added later show
  const toggleCategory = (id: Category, shown: boolean) => {
    const hidden = new Set(latest.current.hiddenCategories);
    if (shown) hidden.delete(id);
    else hidden.add(id);
    void save({ hiddenCategories: CATEGORIES.filter((c) => hidden.has(c)) });
  };

  const styleLabel = { underline: t.styleUnderline, background: t.styleBackground, none: t.styleNone };
  const languageLabel = { page: t.languagePage, en: t.languageEn, es: t.languageEs };
  const keys = shortcut === undefined ? 'Alt+Shift+L' : shortcut;

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t.skipToContent}
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <a class="brand" href={browser.runtime.getURL('/explainer.html')}>
            <span class="brand-mark" aria-hidden="true" />
            {t.appName}
          </a>
          <div class="header-actions">
            <a class="btn" href={browser.runtime.getURL('/explainer.html')}>
              {t.browseAll}
            </a>
          </div>
        </div>
      </header>

      <main id="main" class="page-main" tabIndex={-1}>
        <h1>{t.optionsTitle}</h1>

        <section class="panel" aria-labelledby="general-heading">
          <h2 id="general-heading">{t.general}</h2>
          <label class="switch-row">
            <span>{t.enabledLabel}</span>
            <input
              type="checkbox"
              role="switch"
              class="switch"
              name="enabled"
              checked={settings.enabled}
              aria-describedby="enabled-help"
              onChange={(e) => void save({ enabled: e.currentTarget.checked })}
            />
          </label>
          <p id="enabled-help" class="help">
            {t.enabledHelp}
          </p>

          <fieldset>
            <legend>{t.languageChoice}</legend>
            {LANGUAGE_CHOICES.map((choice) => (
              <label class="check" key={choice}>
                <input
                  type="radio"
                  name="language"
                  value={choice}
                  checked={settings.language === choice}
                  onChange={() => void save({ language: choice })}
                />
                <span lang={choice === 'page' ? undefined : choice}>{languageLabel[choice]}</span>
              </label>
            ))}
          </fieldset>
        </section>

        <section class="panel" aria-labelledby="sites-heading">
          <h2 id="sites-heading">{t.disabledSites}</h2>
          {settings.disabledSites.length === 0 ? (
            <p class="help">{t.noDisabledSites}</p>
          ) : (
            <ul class="site-list">
              {settings.disabledSites.map((site) => (
                <li key={site}>
                  <span class="site-name">{site}</span>
                  <button
                    type="button"
                    class="btn btn-small"
                    aria-label={t.removeSiteLabel(site)}
                    onClick={() => void setSiteOff(site, false)}
                  >
                    {t.removeSite}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form class="add-site" onSubmit={addSite} noValidate>
            <div class="field">
              <label for="add-site-input">{t.addSite}</label>
              <input
                id="add-site-input"
                type="text"
                inputMode="url"
                autoComplete="off"
                spellcheck={false}
                value={siteInput}
                aria-invalid={siteError}
                aria-describedby={siteError ? 'add-site-error add-site-help' : 'add-site-help'}
                onInput={(e) => {
                  setSiteInput(e.currentTarget.value);
                  if (siteError) setSiteError(false);
                }}
              />
            </div>
            <button type="submit" class="btn btn-primary">
              {t.addSiteButton}
            </button>
          </form>
          <p id="add-site-help" class="help">
            {t.addSiteHelp}
          </p>
          {siteError && (
            <p id="add-site-error" class="error" role="alert">
              {t.invalidSite}
            </p>
          )}
        </section>

        <section class="panel" aria-labelledby="appearance-heading">
          <h2 id="appearance-heading">{t.appearance}</h2>
          <fieldset>
            <legend>{t.highlightStyle}</legend>
            {HIGHLIGHT_STYLES.map((style) => (
              <label class="check" key={style}>
                <input
                  type="radio"
                  name="highlightStyle"
                  value={style}
                  checked={settings.highlightStyle === style}
                  onChange={() => void save({ highlightStyle: style })}
                />
                <span>{styleLabel[style]}</span>
              </label>
            ))}
          </fieldset>

          <div class="option-row">
            <label class="check">
              <input
                type="checkbox"
                name="firstOnly"
                checked={settings.firstOnly}
                onChange={(e) => void save({ firstOnly: e.currentTarget.checked })}
              />
              <span>{t.firstOnly}</span>
            </label>
          </div>

          <fieldset>
            <legend>{t.categoriesShown}</legend>
            {CATEGORIES.map((id) => (
              <label class="check" key={id}>
                <input
                  type="checkbox"
                  name="categories"
                  value={id}
                  checked={isCategoryShown(settings, id)}
                  onChange={(e) => toggleCategory(id, e.currentTarget.checked)}
                />
                <span>{t.categories[id]}</span>
              </label>
            ))}
          </fieldset>

          <div class="option-row">
            <div class="field">
              <label for="hover-delay">{t.hoverDelay}</label>
              <div class="range-row">
                <input
                  id="hover-delay"
                  type="range"
                  name="hoverDelay"
                  min={HOVER_DELAY.min}
                  max={HOVER_DELAY.max}
                  step={50}
                  value={delay}
                  aria-valuetext={t.hoverDelayValue(delay)}
                  aria-describedby="hover-delay-help"
                  onInput={(e) => setDelay(Number(e.currentTarget.value))}
                  onChange={(e) => void save({ hoverDelay: Number(e.currentTarget.value) })}
                />
                <output for="hover-delay" aria-hidden="true">
                  {t.hoverDelayValue(delay)}
                </output>
              </div>
              <p id="hover-delay-help" class="help">
                {t.hoverDelayHelp}
              </p>
            </div>
          </div>
        </section>

        <section class="panel" aria-labelledby="shortcut-heading">
          <h2 id="shortcut-heading">{t.shortcut}</h2>
          <p>{keys ? t.shortcutText(keys) : t.shortcutNone}</p>
          <p class="help">
            {t.shortcutDefault} {t.shortcutChange}
          </p>
        </section>

        <section class="panel" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">{t.privacy}</h2>
          <p>{t.privacyText}</p>
          <p class="disclaimer-note">{t.disclaimer}</p>
        </section>

        <div class="save-error" role="alert">
          {saveError && <p class="error">{saveError === 'too-many-sites' ? t.tooManySites : t.saveFailed}</p>}
        </div>
        <div class="save-status" role="status" aria-live="polite">
          {status && <span>{status}</span>}
        </div>
      </main>
    </>
  );
}
