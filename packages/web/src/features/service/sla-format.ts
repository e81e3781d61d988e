import type { TSlaClock } from "@openkam/contracts";
import type { SlaState } from "@openkam/domain/service/sla-clock";

/** Badge colors, from calm to alarming. */
export const SLA_STATE_COLORS: Record<SlaState, string> = {
  met: "teal",
  running: "blue",
  paused: "gray",
  at_risk: "orange",
  breached: "red",
};

export const PRIORITY_COLORS: Record<string, string> = { P1: "red", P2: "orange", P3: "blue", P4: "gray" };

/**
 * A duration as days, hours and minutes. Business minutes have no days: a business day is as
 * long as the calendar says, so 1620 business minutes read "27 h", not "1 d 3 h".
 */
export function durationParts(minutes: number, businessHours = false): { days: number; hours: number; minutes: number } {
  const total = Math.max(0, Math.round(minutes));
  const days = businessHours ? 0 : Math.floor(total / 1440);
  return { days, hours: Math.floor((total - days * 1440) / 60), minutes: total % 60 };
}

/** The two largest units only: "1 d 4 h", "2 h 30 min", "45 min". */
export function formatDuration(minutes: number, units: { d: string; h: string; min: string }, businessHours = false): string {
  const { days, hours, minutes: mins } = durationParts(minutes, businessHours);
  if (days > 0) return hours > 0 ? `${days} ${units.d} ${hours} ${units.h}` : `${days} ${units.d}`;
  if (hours > 0) return mins > 0 ? `${hours} ${units.h} ${mins} ${units.min}` : `${hours} ${units.h}`;
  return `${mins} ${units.min}`;
}

/** Share of the target already used, 0–100, for a progress bar. */
export function usedPercent(clock: Pick<TSlaClock, "elapsedMinutes" | "targetMinutes">): number {
  if (clock.targetMinutes <= 0) return 100;
  return Math.min(100, Math.round((clock.elapsedMinutes / clock.targetMinutes) * 100));
}

/** "09:00-12:00, 13:00-18:00" ⇄ intervals; null when the text is not a list of HH:MM-HH:MM ranges. */
export function parseHours(text: string): { start: string; end: string }[] | null {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const parts = trimmed.split(/[,;，]\s*/);
  const intervals: { start: string; end: string }[] = [];
  for (const part of parts) {
    const match = /^(\d{2}:\d{2})\s*[-–~]\s*(\d{2}:\d{2})$/.exec(part.trim());
    if (!match) return null;
    intervals.push({ start: match[1]!, end: match[2]! });
  }
  return intervals;
}

export function formatHours(intervals: readonly { start: string; end: string }[]): string {
  return intervals.map((i) => `${i.start}-${i.end}`).join(", ");
}
