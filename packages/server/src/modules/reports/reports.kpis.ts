import type { TKpiValue, TScorecard } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import type { Quarter } from "@openkam/domain/reports/index";
import type { Scope } from "../../tenancy/scope";
import { computeKpis, scorecardOf } from "../kpis/kpis.service";

/** The KPI library's values for an account's quarter and its balanced scorecard (with its four-quarter trend). */
export async function accountKpis(db: Db, scope: Scope, accountId: string, quarter: Quarter, now: Date): Promise<{ values: TKpiValue[]; currency: string; scorecard: TScorecard }> {
  const subject = { kind: "account", accountId } as const;
  const [values, scorecard] = await Promise.all([
    computeKpis({ db, scope, subject, period: { from: quarter.from, to: quarter.to }, now }),
    scorecardOf({ db, scope, subject, quarter: quarter.key, now }),
  ]);
  return { values: values.values, currency: values.currency, scorecard };
}
