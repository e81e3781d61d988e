import type { TCadenceDue, TWeekAgendaItem } from "@openkam/contracts";

export type CadenceKind = TCadenceDue["kind"];
export type CadenceInterval = TCadenceDue["interval"];
export type CadenceStatus = TCadenceDue["status"];

// The domain's CADENCE_KINDS sits beside date code that needs luxon; this keyed copy cannot miss a kind.
const KIND_ORDER = { visit: 0, executive_meeting: 1, qbr: 2 } satisfies Record<CadenceKind, number>;
export const CADENCE_KINDS = Object.keys(KIND_ORDER) as CadenceKind[];

/** A message key with the count it needs, so the wording stays in the locale files. */
export interface Message {
  key: string;
  count?: number;
}

/** "every 30 days", "each quarter", "off": how often a kind is due. */
export function intervalMessage(interval: CadenceInterval | null | undefined): Message {
  if (interval === null || interval === undefined) return { key: "cadence.interval.off" };
  if (interval === "quarterly") return { key: "cadence.interval.quarterly" };
  if (interval === "half_yearly") return { key: "cadence.interval.half_yearly" };
  return interval === 1 ? { key: "cadence.interval.everyDay" } : { key: "cadence.interval.everyDays", count: interval };
}

/** "1 day" or "12 days". */
export function daysMessage(days: number): Message {
  return { key: days === 1 ? "cadence.days.one" : "cadence.days.other", count: days };
}

/** When the next contact is due, relative to today: "today", "tomorrow", "in 5 days", or how long ago it was due. */
export function dueMessage(due: Pick<TCadenceDue, "daysUntilDue" | "daysOverdue">): Message {
  if (due.daysOverdue === 1) return { key: "cadence.due.overdueYesterday" };
  if (due.daysOverdue > 1) return { key: "cadence.due.overdueBy", count: due.daysOverdue };
  if (due.daysUntilDue === 0) return { key: "cadence.due.today" };
  if (due.daysUntilDue === 1) return { key: "cadence.due.tomorrow" };
  return { key: "cadence.due.inDays", count: due.daysUntilDue };
}

/**
 * Badge colour of a status. An account never met is grey during the grace of its first interval
 * and turns orange once that has run out: late, but not a broken habit like an overdue one.
 */
export function cadenceStatusColor(due: Pick<TCadenceDue, "status" | "daysOverdue">): string {
  switch (due.status) {
    case "ok": return "teal";
    case "due_soon": return "yellow";
    case "overdue": return "red";
    case "never_met": return due.daysOverdue > 0 ? "orange" : "gray";
  }
}

export interface AgendaGroup {
  /** The due day, or "carried" for what was due before the week and is still open. */
  day: string | "carried";
  items: TWeekAgendaItem[];
}

/** The agenda by day, carried-over items first (most overdue on top), then each day of the week that has something due. */
export function groupAgenda(items: readonly TWeekAgendaItem[]): AgendaGroup[] {
  const carried = items.filter((item) => item.carriedOver).sort((a, b) => b.daysOverdue - a.daysOverdue);
  const byDay = new Map<string, TWeekAgendaItem[]>();
  for (const item of items) {
    if (item.carriedOver) continue;
    const list = byDay.get(item.dueOn);
    if (list) list.push(item);
    else byDay.set(item.dueOn, [item]);
  }
  const days = [...byDay.keys()].sort();
  return [
    ...(carried.length ? [{ day: "carried" as const, items: carried }] : []),
    ...days.map((day) => ({ day, items: byDay.get(day)! })),
  ];
}
