import type { TWhitespaceCell } from "@openkam/contracts";
import { DEFAULT_JOURNEY_STAGES, type OpportunityStage, type WhitespaceState } from "@openkam/domain/growth/index";

export const STAGE_COLORS: Record<OpportunityStage, string> = {
  qualify: "gray", develop: "blue", propose: "violet", negotiate: "orange", won: "teal", lost: "red",
};

export const WHITESPACE_COLORS: Record<WhitespaceState, string> = {
  bought: "teal", in_pipeline: "blue", opportunity: "yellow", not_relevant: "gray",
};

/** ROI as a signed percentage, e.g. 1.5 → "+150%"; null → "—". */
export function formatRoi(roi: number | null, locale?: string): string {
  if (roi === null || !Number.isFinite(roi)) return "—";
  const pct = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(roi * 100);
  return `${roi > 0 ? "+" : ""}${pct}%`;
}

/** The cells by "unit/product", for a grid that looks up every cell. */
export function cellIndex(cells: readonly TWhitespaceCell[]): Map<string, TWhitespaceCell> {
  return new Map(cells.map((c) => [`${c.businessUnitId}/${c.productId}`, c]));
}

/** A default stage still named by its key shows its translated name; a renamed or added one shows what the user typed. */
export function journeyStageLabel(stage: { key: string; name: string }, t: (key: string) => string): string {
  return stage.name === stage.key && (DEFAULT_JOURNEY_STAGES as readonly string[]).includes(stage.key) ? t(`growth.journey.defaultStages.${stage.key}`) : stage.name;
}

/** A short id for new journey items; actions get UUIDs since they may become tasks. */
export const newItemId = (): string => crypto.randomUUID();

/** The share of a bar, 0-100, against the largest value shown. */
export function barShare(value: string, max: number): number {
  const v = Number(value);
  return max > 0 && Number.isFinite(v) ? Math.max(0, Math.min(100, (v / max) * 100)) : 0;
}
