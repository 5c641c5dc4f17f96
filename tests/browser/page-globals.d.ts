// Helpers the browser tests install in every page they open (tests/browser/harness.ts).
/** The text of a highlighted (static) range. */
declare function __rangeText(range: AbstractRange): string;
