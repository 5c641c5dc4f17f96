declare module 'virtual:glossary/matcher-index' {
  const index: import('./types').MatcherIndex;
  export default index;
}
declare module 'virtual:glossary/cards' {
  const cards: import('./types').CardData;
  export default cards;
}
declare module 'virtual:glossary/articles' {
  const articles: import('./types').ArticleData;
  export default articles;
}
declare module 'virtual:glossary/categories' {
  const categories: Record<string, import('./types').Category>;
  export default categories;
}
