import { ACCOUNT_TIERS, type AccountTier } from "@openkam/domain/enums/index";
import { CADENCE_KINDS, type CadenceKind } from "./cadence-format";
import { isIsoWeek } from "./iso-week";

export type CadenceTab = "week" | "overdue";

/** What the cadence page shows, all of it in the URL so a link opens the same view. */
export interface CadenceView {
  tab: CadenceTab;
  /** null: this week, as the organization's time zone has it. */
  week: string | null;
  tier: AccountTier[];
  kind: CadenceKind[];
}

const oneOf = <T extends string>(allowed: readonly T[], values: string[]): T[] =>
  allowed.filter((value) => values.includes(value));

/** Reads the view from the query string; anything it does not recognise (a hand-edited week, an old tier) is dropped. */
export function readCadenceView(params: URLSearchParams): CadenceView {
  const week = params.get("week");
  return {
    tab: params.get("tab") === "overdue" ? "overdue" : "week",
    week: week !== null && isIsoWeek(week) ? week : null,
    tier: oneOf(ACCOUNT_TIERS, params.getAll("tier")),
    kind: oneOf(CADENCE_KINDS, params.getAll("kind")),
  };
}

/** The query string of a view, leaving out what is the default. */
export function writeCadenceView(view: CadenceView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.tab !== "week") params.set("tab", view.tab);
  if (view.week) params.set("week", view.week);
  for (const tier of view.tier) params.append("tier", tier);
  for (const kind of view.kind) params.append("kind", kind);
  return params;
}
