import type { TRule, TRuleCondition } from "@openkam/contracts";
import type { TFunction } from "i18next";
import { formatAmount, formatNumber, formatShare } from "./identify-format";
import type { RuleField } from "./rule-tree";

/** A field's value as a sales director reads it: money with its currency, growth in percent, vocabularies translated. */
export function valueText(t: TFunction, field: RuleField, value: number | string | readonly string[] | null, currency: string): string {
  if (value === null) return t("identify.rules.unknown");
  if (typeof value !== "number" && typeof value !== "string") return value.map((v) => valueText(t, field, v, currency)).join(", ");
  switch (field) {
    case "revenue12m":
    case "clv":
      return typeof value === "number" ? formatAmount(value, currency) : value;
    case "revenueGrowthYoy":
      return typeof value === "number" ? formatShare(value, { signed: true, trim: true }) : value;
    case "customerYears":
    case "orders12m":
    case "daysSinceLastOrder":
      return typeof value === "number" ? t(`identify.rules.units.${field}`, { value: formatNumber(value, 1, { trim: true }) }) : value;
    case "quadrant": return t(`identify.quadrants.${value}`, { defaultValue: String(value) });
    case "rfmSegment": return t(`identify.segments.${value}`, { defaultValue: String(value) });
    case "abcClass": return t(`identify.abc.${value}`, { defaultValue: String(value) });
    case "tier": return t(`enums.tier.${value}`, { defaultValue: String(value) });
    case "industry":
    case "region":
      return String(value);
  }
}

export function conditionText(t: TFunction, condition: Pick<TRuleCondition, "field" | "op" | "value">, currency: string): string {
  return `${t(`identify.rules.fields.${condition.field}`)} ${t(`identify.rules.ops.${condition.op}`)} ${valueText(t, condition.field, condition.value, currency)}`;
}

/** The whole rule in one line, with brackets where groups nest. */
export function ruleText(t: TFunction, rule: TRule, currency: string, nested = false): string {
  if ("not" in rule) return `${t("identify.rules.notWord")} ${ruleText(t, rule.not, currency, true)}`;
  if ("all" in rule || "any" in rule) {
    const children = "all" in rule ? rule.all : rule.any;
    const joined = children.map((c) => ruleText(t, c, currency, true)).join(` ${t("all" in rule ? "identify.rules.andWord" : "identify.rules.orWord")} `);
    return nested && children.length > 1 ? `(${joined})` : joined;
  }
  return conditionText(t, rule, currency);
}
