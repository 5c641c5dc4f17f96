declare module 'virtual:glossary/matcher-index' {
  /** the shipped glossary, for the background: read it with loadShippedGlossary or inflateShippedGlossary (shipped-glossary.ts) */
  const shipped: string;
  export default shipped;
}
declare module 'virtual:glossary/catalog' {
  const catalog: import('./types.ts').Catalog;
  export default catalog;
}
declare module 'virtual:glossary/article-loaders' {
  /** per term or guide id, a dynamic import of its body (each body is its own chunk) */
  const loaders: Record<string, () => Promise<{ default: import('./types.ts').ArticleBody }>>;
  export default loaders;
}
declare module 'virtual:glossary/body-words' {
  const index: import('./types.ts').BodyWordIndex;
  export default index;
}
declare module 'virtual:glossary/catalog-file' {
  /** reads the catalog from the extension package (once per call: cache it); rejects when the file is unreadable */
  const loadCatalog: () => Promise<import('./types.ts').Catalog>;
  export default loadCatalog;
}
