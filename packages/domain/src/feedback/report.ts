import { durationStats } from "./metrics";
import type { FeedbackSeverity, FeedbackSource } from "./loop";

/** One closed item as the "you said, we did" report tells it. */
export interface ClosedFeedback {
  id: string;
  title: string;
  description: string | null;
  category: string | null;
  area: string | null;
  severity: FeedbackSeverity;
  source: FeedbackSource;
  createdAt: Date;
  closedAt: Date;
  /** The improvement action (the task's title and description) and when it was finished. */
  actionTitle: string | null;
  actionDescription: string | null;
  actionDoneAt: Date | null;
  /** How the customer was told. */
  informNote: string | null;
}

export interface YouSaidWeDidEntry {
  id: string;
  youSaid: string;
  details: string | null;
  category: string | null;
  area: string | null;
  severity: FeedbackSeverity;
  source: FeedbackSource;
  weDid: string | null;
  actionDetails: string | null;
  howWeTold: string | null;
  raisedAt: Date;
  closedAt: Date;
  daysToClose: number;
}

export interface YouSaidWeDid {
  entries: YouSaidWeDidEntry[];
  total: number;
  closure: { medianDays: number | null; avgDays: number | null };
  byCategory: Array<{ category: string | null; count: number }>;
}

const DAY_MS = 86_400_000;

/**
 * The customer-facing summary of a period: what the customer said, what was done about it and
 * how they were told, oldest closing first (the story of the period), with the closing times
 * and the themes (categories, most frequent first, then by name).
 */
export function youSaidWeDid(items: readonly ClosedFeedback[]): YouSaidWeDid {
  const sorted = [...items].sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime() || a.id.localeCompare(b.id));
  const entries = sorted.map((i) => ({
    id: i.id,
    youSaid: i.title,
    details: i.description,
    category: i.category,
    area: i.area,
    severity: i.severity,
    source: i.source,
    weDid: i.actionTitle,
    actionDetails: i.actionDescription,
    howWeTold: i.informNote,
    raisedAt: i.createdAt,
    closedAt: i.closedAt,
    daysToClose: Math.max(Math.floor((i.closedAt.getTime() - i.createdAt.getTime()) / DAY_MS), 0),
  }));
  const counts = new Map<string | null, number>();
  for (const e of entries) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
  const byCategory = [...counts.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || (a.category ?? "\uffff").localeCompare(b.category ?? "\uffff"));
  const stats = durationStats(sorted.map((i) => Math.max(i.closedAt.getTime() - i.createdAt.getTime(), 0)));
  return { entries, total: entries.length, closure: { medianDays: stats.medianDays, avgDays: stats.avgDays }, byCategory };
}
