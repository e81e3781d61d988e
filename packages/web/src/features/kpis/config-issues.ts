import type { KpiKey } from "@openkam/domain/kpis/registry";
import { targetRange, validateScorecardConfig, type ScorecardConfig } from "@openkam/domain/kpis/scorecard";
import { i18n } from "../../lib/i18n/i18n";

/**
 * The domain's configuration issues, in the interface language, by field path
 * (`perspectives.0.kpis.2.target`). The server applies the same rules, so what saves here saves there.
 */
export function configIssues(config: ScorecardConfig): Map<string, string> {
  const messages = new Map<string, string>();
  for (const issue of validateScorecardConfig(config)) {
    const kpi = /^perspectives\.(\d+)\.kpis\.(\d+)\.(target|weight|tolerance|key)$/.exec(issue.field);
    let message: string;
    if (kpi) {
      const key = config.perspectives[Number(kpi[1])]!.kpis[Number(kpi[2])]!.key as KpiKey;
      message = kpi[3] === "target" ? i18n.t("kpis.config.errors.target", targetRange(key))
        : kpi[3] === "key" ? i18n.t("kpis.config.errors.duplicate")
        : i18n.t(`kpis.config.errors.${kpi[3]}`);
    } else if (/^perspectives\.\d+\.weight$/.test(issue.field)) message = i18n.t("kpis.config.errors.weight");
    else if (/^perspectives\.\d+\.kpis$/.test(issue.field)) message = i18n.t("kpis.config.errors.weightedKpi");
    else if (issue.field === "thresholds.amber" && config.thresholds.amber >= 0 && config.thresholds.amber <= 100) message = i18n.t("kpis.config.errors.amberAboveGreen");
    else if (issue.field.startsWith("thresholds.")) message = i18n.t("kpis.config.errors.score");
    else message = i18n.t("kpis.config.errors.perspectives");
    if (!messages.has(issue.field)) messages.set(issue.field, message);
  }
  return messages;
}
