// Helpers the browser tests install in every page they open (tests/browser/driver/shared.ts).
/** The text of a highlighted (static) range. */
declare function __rangeText(range: AbstractRange): string;

interface LensBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What tests read from a page, through DOM methods kept from before the page's scripts ran (driver/shared.ts). */
declare const __lens: {
  marks(highlight?: string): string[];
  markCount(highlight?: string): number;
  registered(highlight?: string): boolean;
  ourHighlights(): string[];
  markPlaces(highlight?: string): { text: string; where: string }[];
  markBox(source: string, flags: string, n: number, highlight: string, scroll: boolean, within?: number): LensBox | null;
  card(): { heading: string | null; headingId: string | null; labelledBy: string | null; lang: string | null; text: string; box: LensBox; focused: string | null } | null;
  cardControl(role: string, source: string, flags: string): { label: string; box: LensBox } | null;
  cardOnTop(): boolean;
  textBox(text: string): LensBox | null;
  frameBox(name: string): LensBox | null;
  hostCount(): number;
  fingerprint(): string;
  changes(): string[];
};
