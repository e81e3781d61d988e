import { namespacesOf } from "../../lib/i18n/namespaces";

/** Every message file of this language, one namespace each; loaded as one chunk when the language is first shown. */
export const messages = namespacesOf(import.meta.glob<Record<string, unknown>>("./*.json", { eager: true, import: "default" }));
