// Source policy (FORMAT.md, "Sources"): each source's `kind` must fit its address, a secondary source says why
// no primary serves, known legacy and aggregator copies are refused, and every entry cites a primary source.
import { quote, type GlossaryProblem } from './problems.ts';
import type { SOURCE_KINDS } from './schema.ts';

export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface SourceSpec {
  title: string;
  url: string;
  kind: SourceKind;
  lang?: 'en' | 'es';
  reason?: string;
}

/** One accepted place: a host (and `www.` + host), with its subdomains when `subdomains`, under `path` if given. */
interface Place {
  host: string;
  path?: string;
  subdomains?: boolean;
}

const place = (spec: string): Place => {
  const subdomains = spec.startsWith('*.');
  const [host, ...rest] = (subdomains ? spec.slice(2) : spec).split('/');
  return { host, ...(rest.length ? { path: `/${rest.join('/')}` } : {}), ...(subdomains ? { subdomains } : {}) };
};

/** FORMAT.md's table of accepted hosts per kind (agency and secondary are rules, below). */
const PLACES: Record<'constitution' | 'statute' | 'regulation' | 'court', Place[]> = {
  constitution: ['constitution.congress.gov', 'law.cornell.edu/constitution', 'archives.gov'].map(place),
  statute: ['uscode.house.gov', 'govinfo.gov', 'congress.gov', 'law.cornell.edu/uscode'].map(place),
  regulation: ['ecfr.gov', 'federalregister.gov', 'govinfo.gov', 'law.cornell.edu/cfr', 'regulations.gov', 'whitehouse.gov'].map(place),
  court: ['supremecourt.gov', '*.uscourts.gov', 'govinfo.gov', 'law.cornell.edu/supremecourt', 'law.cornell.edu/rules', 'justice.gov'].map(place),
};

const isGovernment = (host: string) => /\.(gov|mil)$/.test(host);
/** A state (or other) court's own site: a .gov or .us host whose name says court or judiciary. */
const isCourtSite = (host: string) => /\.(gov|us)$/.test(host) && /court|jud/.test(host);

function inPlace(url: URL, p: Place): boolean {
  const host = url.hostname.toLowerCase();
  const hostOk = host === p.host || host === `www.${p.host}` || (p.subdomains === true && host.endsWith(`.${p.host}`));
  if (!hostOk || !p.path) return hostOk;
  const path = url.pathname.toLowerCase();
  return path === p.path || path.startsWith(`${p.path}/`);
}

/** Whether a URL is an accepted host for a kind of primary source. */
export function fitsKind(url: URL, kind: Exclude<SourceKind, 'secondary'>): boolean {
  const host = url.hostname.toLowerCase();
  if (kind === 'agency') return isGovernment(host);
  if (kind === 'court' && isCourtSite(host)) return true;
  return PLACES[kind].some((p) => inPlace(url, p));
}

const HOSTS_OF: Record<Exclude<SourceKind, 'secondary'>, string> = {
  constitution: 'constitution.congress.gov, law.cornell.edu/constitution, archives.gov',
  statute: 'uscode.house.gov, govinfo.gov, congress.gov, law.cornell.edu/uscode',
  regulation: 'ecfr.gov, federalregister.gov, govinfo.gov, law.cornell.edu/cfr, regulations.gov, whitehouse.gov',
  court: 'supremecourt.gov, *.uscourts.gov, govinfo.gov, law.cornell.edu/supremecourt, law.cornell.edu/rules, justice.gov, a state court site on .gov/.us',
  agency: 'a .gov or .mil host',
};

/** Known copies of documents whose primary home exists (FORMAT.md lists them), with where to go instead. */
const REFUSED: { name: string; place: Place; use: string; secondaryWithReason?: true }[] = [
  { name: 'scribd.com', place: place('*.scribd.com'), use: "cite the document's own home (the court, the agency or the Federal Register)" },
  { name: 'everycrsreport.com', place: place('*.everycrsreport.com'), use: 'cite the report at crsreports.congress.gov' },
  { name: 'fas.org/sgp/crs', place: { host: 'fas.org', path: '/sgp/crs', subdomains: true }, use: 'cite the report at crsreports.congress.gov' },
  { name: 'justice.gov/usam/', place: { host: 'justice.gov', path: '/usam' }, use: 'the manual moved to justice.gov/jm/; cite that page' },
  { name: 'casetext.com', place: place('*.casetext.com'), use: "cite the court's own site or law.cornell.edu" },
  { name: 'findlaw.com', place: place('*.findlaw.com'), use: "cite the court's own site or law.cornell.edu" },
  { name: 'justia.com', place: place('*.justia.com'), use: "cite the court's own site or law.cornell.edu" },
  { name: 'web.archive.org', place: place('web.archive.org'), use: 'cite the live primary page; an archived copy of a withdrawn page only as kind: secondary with a reason', secondaryWithReason: true },
];

/**
 * Checks one file's `sources` (already valid against the schema: https URLs, a known kind). Returns a problem
 * per source that breaks the policy, and one when no source is primary.
 */
export function checkSources(file: string, sources: readonly SourceSpec[]): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const add = (field: string, message: string) => problems.push({ file, field, message });
  sources.forEach((s, i) => {
    const at = `sources.${i}`;
    let url: URL;
    try {
      url = new URL(s.url);
    } catch {
      return; // the schema reports malformed URLs
    }
    const refused = REFUSED.find((r) => inPlace(url, r.place));
    if (refused && !(refused.secondaryWithReason && s.kind === 'secondary' && s.reason)) {
      add(`${at}.url`, `${quote(s.url)} is a legacy or aggregator copy (${refused.name}); ${refused.use}`);
    }
    if (s.kind === 'secondary') {
      if (!s.reason) add(`${at}.reason`, `is missing: a secondary source (${url.hostname}) needs reason:, one line saying why no primary source serves`);
      else if (/\n/.test(s.reason)) add(`${at}.reason`, 'runs over several lines; say in one line why no primary source serves (use >- to fold a long line)');
    } else if (!fitsKind(url, s.kind)) {
      add(`${at}.kind`, `is "${s.kind}" but ${url.hostname} is not a ${s.kind} host (${HOSTS_OF[s.kind]}); cite the primary copy, or use kind: secondary with a reason`);
    }
  });
  if (sources.length && sources.every((s) => s.kind === 'secondary')) {
    add('sources', 'lists only secondary sources; cite at least one primary source (statute, regulation, court or agency page)');
  }
  return problems;
}
