export const LANGUAGES = ["en", "zh-CN"] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** Chinese in any variant (zh, zh-CN, zh-Hans-SG, zh-TW) reads 简体中文; everything else English. */
export function languageFromBrowser(preferred: readonly string[]): Language {
  const first = preferred.find((l) => l.trim() !== "");
  return first && /^zh\b/i.test(first) ? "zh-CN" : "en";
}

/**
 * The language to show: the signed-in user's saved choice, else the one
 * picked on this device before signing in, else the browser's.
 */
export function pickLanguage(sources: { userLocale?: string | null; stored?: string | null; browser: readonly string[] }): Language {
  if (isLanguage(sources.userLocale)) return sources.userLocale;
  if (isLanguage(sources.stored)) return sources.stored;
  return languageFromBrowser(sources.browser);
}
