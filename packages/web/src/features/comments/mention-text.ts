/** A person picked from the autocomplete; the comment stores their id, the text shows "@Name". */
export interface Mention {
  id: string;
  name: string;
}

/** The "@query" being typed just before the caret, if any: where it starts and what follows the "@". */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(before);
  if (!match) return null;
  return { start: before.length - match[2]!.length - 1, query: match[2]! };
}

/** Replaces the "@query" at `start` (up to the caret) with "@Name " and says where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** The mentions whose "@Name" is still in the text: deleting the name un-mentions the person. */
export function mentionsInText(text: string, mentions: readonly Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    if (seen.has(m.id) || !text.includes(`@${m.name}`)) return false;
    seen.add(m.id);
    return true;
  });
}

/** Splits a comment into plain text and mention parts, for highlighting; nothing is ever read as HTML. */
export function splitMentions(text: string, mentions: readonly Mention[]): Array<{ text: string; mention?: Mention }> {
  const names = [...mentions].filter((m) => m.name).sort((a, b) => b.name.length - a.name.length);
  const parts: Array<{ text: string; mention?: Mention }> = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    const found = text[i] === "@" ? names.find((m) => text.startsWith(`@${m.name}`, i)) : undefined;
    if (found) {
      if (plain) parts.push({ text: plain });
      plain = "";
      parts.push({ text: `@${found.name}`, mention: found });
      i += found.name.length + 1;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) parts.push({ text: plain });
  return parts;
}
