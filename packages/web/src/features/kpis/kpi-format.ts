import type { TKpiDefinition } from "@openkam/contracts";
import { i18n } from "../../lib/i18n/i18n";

type Light = "green" | "amber" | "red" | null;

/** A KPI value in its unit: money in the organization's currency, percentages, NPS points, hours and days. */
export function formatKpiValue(value: number | null | undefined, unit: TKpiDefinition["unit"], currency: string): string {
  if (value === null || value === undefined) return "—";
  const number = (digits: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);
  switch (unit) {
    case "money":
      try {
        return new Intl.NumberFormat(i18n.language, { style: "currency", currency, notation: Math.abs(value) >= 1e6 ? "compact" : "standard", maximumFractionDigits: 2 }).format(value);
      } catch {
        return `${number(2)} ${currency}`;
      }
    case "percent": return `${number(1)}%`;
    case "score": return number(1);
    case "hours": return i18n.t("kpis.units.hoursValue", { value: number(1) });
    case "days": return i18n.t("kpis.units.daysValue", { value: number(1) });
  }
}

/** The Mantine color of a traffic light; gray when the KPI cannot be measured. */
export function lightColor(status: Light): string {
  switch (status) {
    case "green": return "teal";
    case "amber": return "yellow";
    case "red": return "red";
    case null: return "gray";
  }
}

/** The KPI's name or definition in the interface language. */
export function localised(text: { en: string; "zh-CN": string }): string {
  return i18n.language === "zh-CN" ? text["zh-CN"] : text.en;
}

/** The current quarter and the seven before it, newest first, for the quarter picker. */
export function recentQuarters(today: Date, count = 8): string[] {
  const index = today.getFullYear() * 4 + Math.floor(today.getMonth() / 3);
  return Array.from({ length: count }, (_, i) => `${Math.floor((index - i) / 4)}-Q${((index - i) % 4) + 1}`);
}
