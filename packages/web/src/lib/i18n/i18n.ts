import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { isLanguage, LANGUAGES, pickLanguage, type Language } from "./detect-language";

const STORAGE_KEY = "openkam.language";

// One chunk per language: a visit downloads and parses the messages of the language it shows, not those of both
// (together they were a fifth of the initial JavaScript, and every feature adds to them).
const bundles: Record<Language, () => Promise<{ messages: Record<string, unknown> }>> = {
  en: () => import("../../locales/en/index"),
  "zh-CN": () => import("../../locales/zh-CN/index"),
};
const loaded = new Map<Language, Promise<void>>();

/** Downloads a language's messages once; a failed download (the connection dropped) is tried again on the next call. */
export function loadLanguage(language: Language): Promise<void> {
  let done = loaded.get(language);
  if (!done) {
    done = bundles[language]().then(({ messages }) => {
      i18n.addResourceBundle(language, "translation", messages, true, true);
    });
    done.catch(() => loaded.delete(language));
    loaded.set(language, done);
  }
  return done;
}

/** Both languages, for the pages that write or show text in a language other than the interface's (surveys, reviews). */
export const loadAllLanguages = (): Promise<void> => Promise.all(LANGUAGES.map(loadLanguage)).then(() => undefined);

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice then lasts for this visit only.
  }
}

export function initialLanguage(): Language {
  return pickLanguage({ stored: storedLanguage(), browser: typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language] });
}

/** Switches to a signed-in user's saved language (a locale the interface may not speak is ignored). */
export async function followUserLanguage(locale: string | null | undefined): Promise<void> {
  if (isLanguage(locale) && locale !== i18n.language) await setLanguage(locale);
}

export async function setLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await loadLanguage(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: initialLanguage(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (typeof document !== "undefined") document.documentElement.lang = i18n.language;

/** Settles once the first language's messages are in (or failed to download): the app renders after it. */
export const i18nReady: Promise<void> = loadLanguage(i18n.language as Language).catch(() => undefined);

export { i18n };
