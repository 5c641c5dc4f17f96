// The plain-language bars every card summary must meet (issue #3).
export const READABILITY = {
  en: { maxEach: 11, maxAverage: 8 },
  es: { minEach: 45, minAverage: 60 },
} as const;
