import { ABC_CLASSES } from "@openkam/domain/analytics/pareto";
import { RFM_SEGMENTS } from "@openkam/domain/analytics/rfm-segments";
import { MATRIX_QUADRANTS } from "@openkam/domain/analytics/segmentation-matrix";
import type { TFunction } from "i18next";
import type { AnalysisKind } from "./identify.api";

/** The name of a result group in the user's language: an RFM segment, an ABC class, a quadrant, selected or not. */
export function groupLabel(t: TFunction, kind: AnalysisKind, group: string | null): string {
  if (group === null) return t("identify.notInRun");
  switch (kind) {
    case "rfm": return t(`identify.segments.${group}`, { defaultValue: group });
    case "pareto": return t(`identify.abc.${group}`, { defaultValue: group });
    case "matrix": return t(`identify.quadrants.${group}`, { defaultValue: group });
    case "selection": return t(`identify.selection.${group}`, { defaultValue: group });
    case "clv":
    case "forecast":
      return group;
  }
}

/** Badge colours of the groups, the same on every chart and table. */
export function groupColor(group: string | null): string {
  if (group === null) return "gray";
  switch (group) {
    case "strategic_partner": case "champions": case "A": case "selected": return "grape";
    case "cash_cow": case "loyal": case "potential_loyalist": case "B": return "blue";
    case "problem_account": case "new_customers": case "promising": case "need_attention": return "teal";
    case "at_risk": case "cant_lose": case "about_to_sleep": return "orange";
    case "hibernating": case "lost": return "red";
    default: return "gray";
  }
}

export const STATUS_COLORS = { queued: "gray", running: "blue", succeeded: "teal", failed: "red" } as const;

/** The groups a kind puts accounts in, for filters (clv and forecast have none). */
export function groupsOf(kind: AnalysisKind): readonly string[] {
  switch (kind) {
    case "rfm": return RFM_SEGMENTS;
    case "pareto": return ABC_CLASSES;
    case "matrix": return MATRIX_QUADRANTS;
    case "selection": return ["selected", "not_selected"];
    case "clv":
    case "forecast":
      return [];
  }
}
