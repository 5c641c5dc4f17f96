// lookup: where "Look up in Legal Lens" (the context menu on a selection) goes. A selection that is exactly one
// term's or guide's name — a title or an alias, once folded ("Form I-862", "perfilamiento racial") — opens that
// explainer page; anything else opens the explainer's index with the selection in its search.

/** Selections longer than this are searched from their start (nobody names a term in 100 characters). */
const MAX_QUERY = 100;

/**
 * The explainer path for a selected text: `/explainer.html#<id>` when `lookup` names exactly one entry,
 * else `/explainer.html?q=<text>`; null for an empty selection.
 */
export function lookupPath(selection: string, lookup: (text: string) => string[]): string | null {
  const text = selection.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const ids = text.length <= MAX_QUERY ? lookup(text) : [];
  if (ids.length === 1) return `/explainer.html#${ids[0]}`;
  return `/explainer.html?q=${encodeURIComponent(text.slice(0, MAX_QUERY))}`;
}
