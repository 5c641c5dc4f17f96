// Markdown for glossary bodies, rendered at build time with `marked`. Raw HTML is rejected, never passed
// through, so article pages cannot carry markup or scripts from a glossary file.
import { Marked, type Token, type Tokens } from 'marked';

export interface MarkdownReport {
  html: string;
  /** plain text of the body (for word counts and the guide link check) */
  text: string;
  headings: { depth: number; text: string }[];
  termLinks: string[];
  problems: string[];
}

export const TERM_LINK = /^term:([a-z0-9]+(?:-[a-z0-9]+)*)$/;

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    const children = (t as { tokens?: Token[] }).tokens;
    if (children) walk(children, visit);
    if (t.type === 'list') for (const item of (t as Tokens.List).items) walk(item.tokens, visit);
  }
}

export function renderMarkdown(source: string, termHref: (id: string) => string): MarkdownReport {
  const marked = new Marked({ gfm: true, async: false });
  const tokens = marked.lexer(source);
  const headings: MarkdownReport['headings'] = [];
  const termLinks: string[] = [];
  const problems: string[] = [];
  walk(tokens, (t) => {
    if (t.type === 'html') problems.push(`raw HTML is not allowed (${JSON.stringify(t.raw.trim().slice(0, 40))})`);
    if (t.type === 'heading') headings.push({ depth: (t as Tokens.Heading).depth, text: (t as Tokens.Heading).text.trim() });
    if (t.type === 'image') problems.push('images are not allowed');
    if (t.type === 'link') {
      const href = (t as Tokens.Link).href;
      const term = TERM_LINK.exec(href);
      if (term) termLinks.push(term[1]);
      else if (!href.startsWith('https://')) problems.push(`link "${href}" must be https:// or term:<id>`);
    }
  });
  marked.use({
    renderer: {
      link({ href, tokens: inner }) {
        const text = this.parser.parseInline(inner);
        const term = TERM_LINK.exec(href);
        if (term) return `<a class="term-link" href="${termHref(term[1])}" data-term="${term[1]}">${text}</a>`;
        return `<a href="${escapeAttr(href)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
      },
      html() {
        return '';
      },
    },
  });
  const html = marked.parser(tokens) as string;
  const text = html
    .replace(/<\/(p|li|h\d)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return { html, text, headings, termLinks, problems };
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
