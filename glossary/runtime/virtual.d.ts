declare module 'virtual:glossary/matcher-index' {
  /** the shipped glossary, for the background: read it with loadShippedGlossary or inflateShippedGlossary (shipped-glossary.ts) */
  const shipped: string;
  export default shipped;
}
declare module 'virtual:glossary/cards' {
  const cards: import('./types.ts').CardData;
  export default cards;
}
declare module 'virtual:glossary/articles' {
  const articles: import('./types.ts').ArticleData;
  export default articles;
}
