// The hover card: a plain-language explanation of one term. Presentational only: card-view.tsx puts it on the
// page and places it; the input controllers that drive the view decide when it opens.
import type { Card, CardData, Lang } from '@/glossary/runtime/types';
import { CARD_UI as UI } from './card-strings';
import { sourceLangNote } from './source-label';

export interface HoverCardProps {
  card: Card;
  cards: CardData;
  lang: Lang;
  explainerHref: string;
  onLang: (lang: Lang) => void;
  onRelated: (id: string) => void;
  onClose: () => void;
  onOpenExplainer: (event: MouseEvent) => void;
  /** shows the keyboard hint when the card was reached by keyboard */
  keyboard?: boolean;
  /** no appear animation: on a page where every frame costs much (thousands of marks), it would add frames */
  still?: boolean;
}

/** The card stays compact: the explainer page lists every related term. */
const MAX_RELATED = 4;

/**
 * A related-term chip's short title: a title's closing gloss after a space goes ("USCIS (U.S. Citizenship and
 * Immigration Services)" → "USCIS", "Illegal entry (8 U.S.C. § 1325)" → "Illegal entry"), unless it names a form
 * ("Affidavit of support (Form I-864)"). A bracket that is part of a token stays ("Programa 287(g)"); a title
 * never shrinks below 3 characters.
 */
export function shortTitle(title: string): string {
  const short = title.replace(/\s+\((?![^()]*[A-Z]-\d)[^()]*\)$/, '');
  return short.length >= 3 ? short : title;
}

export function HoverCard({ card, cards, lang, explainerHref, onLang, onRelated, onClose, onOpenExplainer, keyboard, still }: HoverCardProps) {
  const t = UI[lang];
  const text = card[lang];
  const other: Lang = lang === 'en' ? 'es' : 'en';
  const headingId = `legal-lens-title-${card.id}`;
  const related = card.related.filter((id) => cards[id]).slice(0, MAX_RELATED);
  const sourceNote = sourceLangNote(text.source, lang);
  return (
    <div class={still ? 'card still' : 'card'} role="dialog" aria-labelledby={headingId} aria-describedby={`${headingId}-summary`} lang={lang} tabIndex={-1}>
      <header class="card-header">
        <h2 id={headingId} class="card-title">{text.title}</h2>
        <div class="card-actions">
          <button type="button" class="lang-switch" lang={other} aria-label={t.switchToLabel} onClick={() => onLang(other)}>
            {t.switchTo}
          </button>
          <button type="button" class="close" aria-label={t.close} title={t.close} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>
      {/* a card taller than the room it has scrolls here, between its title and its footer, which stay in view */}
      <div class="card-body">
        <p id={`${headingId}-summary`} class="card-summary">{text.summary}</p>
        <a class="read-more" href={explainerHref} target="_blank" rel="noopener" onClick={onOpenExplainer as never}>
          {t.readMore} <span aria-hidden="true">→</span>
        </a>
        {related.length > 0 && (
          <nav class="related" aria-label={t.related}>
            <h3>{t.related}</h3>
            <ul>
              {related.map((id) => (
                <li key={id}>
                  <button type="button" class="related-term" onClick={() => onRelated(id)}>
                    {shortTitle(cards[id][lang].title)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      <div class="card-footer">
        <p class="source">
          {t.source}:{' '}
          <a href={text.source.url} hreflang={text.source.lang} target="_blank" rel="noopener noreferrer">
            {text.source.title}
          </a>
          {sourceNote && ` ${sourceNote}`}
        </p>
        {text.asOfMonth && <p class="as-of">{t.asOf(text.asOfMonth)}</p>}
        <p class="disclaimer">{t.disclaimer}</p>
        {keyboard && <p class="hint">{t.navHint}</p>}
      </div>
    </div>
  );
}
