declare module 'virtual:glossary/matcher-index' {
  const index: import('./types.ts').MatcherIndex;
  export default index;
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
declare module 'virtual:glossary/categories' {
  const categories: Record<string, import('./types.ts').Category>;
  export default categories;
}
