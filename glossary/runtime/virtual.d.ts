declare module 'virtual:glossary/matcher-index' {
  const index: import('./types.ts').MatcherIndex;
  export default index;
}
declare module 'virtual:glossary/cards' {
  const cards: import('./types.ts').CardData;
  export default cards;
}
declare module 'virtual:glossary/articles' {
  const articles: import('./types.ts').ArticleData;
  export default articles;
}
declare module 'virtual:glossary/categories' {
  const categories: Record<string, import('./types.ts').Category>;
  export default categories;
}
