import type { TPlanSummary } from "@openkam/contracts";

export const STATUS_COLOR: Record<TPlanSummary["status"], string> = {
  draft: "gray", submitted: "blue", approved: "teal", changes_requested: "orange",
};

/** One list item per line; blank lines dropped. */
export const linesOf = (text: string): string[] => text.split("\n").map((l) => l.trim()).filter((l) => l !== "");

/** A new id for an objective, action or risk: a UUIDv4 from the browser. */
export const newItemId = (): string => crypto.randomUUID();

/** The first and last day of the year `today` falls in, as YYYY-MM-DD. */
export function yearPeriod(today: Date): { periodStart: string; periodEnd: string } {
  const year = today.getFullYear();
  return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
}
