import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { isLanguage, pickLanguage, type Language } from "./detect-language";

const STORAGE_KEY = "openkam.language";

type Messages = Record<string, unknown>;
const files = import.meta.glob<Messages>("../../locales/*/*.json", { eager: true, import: "default" });

/** Each file is a namespace inside one "translation" resource: locales/en/accounts.json → t("accounts.…"). */
function buildResources(): Record<Language, { translation: Messages }> {
  const resources: Record<Language, { translation: Messages }> = { en: { translation: {} }, "zh-CN": { translation: {} } };
  for (const [path, messages] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match || !isLanguage(match[1])) continue;
    resources[match[1]].translation[match[2]!] = messages;
  }
  return resources;
}

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

export async function setLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: initialLanguage(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (typeof document !== "undefined") document.documentElement.lang = i18n.language;

export { i18n };
