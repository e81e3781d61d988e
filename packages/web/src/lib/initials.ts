const HAN = /\p{Script=Han}/u;

/**
 * What an avatar shows for a name: Chinese names by their given name's last
 * character (as colleagues address each other: 张敏 → 敏), others by up to two
 * initials (Sarah Miller → SM).
 */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "?";
  if (HAN.test(trimmed)) return [...trimmed.replace(/\s+/g, "")].at(-1) ?? "?";
  const words = trimmed.split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : [words[0]!];
  return letters.map((w) => [...w][0]!.toUpperCase()).join("");
}
