/** Each file is a namespace inside one "translation" resource: locales/en/accounts.json → t("accounts.…"). */
export function namespacesOf(files: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  for (const [path, content] of Object.entries(files)) {
    const name = /([^/]+)\.json$/.exec(path)?.[1];
    if (name) messages[name] = content;
  }
  return messages;
}
