/**
 * The KPI library: every KPI OpenKAM computes, with its definition in both languages, its unit,
 * which way is better and its formula. The server keeps the SQL behind each one
 * (`packages/server/src/modules/kpis/kpis.queries.ts`); docs/kpis.md explains the edge cases.
 */

export const KPI_KEYS = [
  "revenue", "revenue_growth_yoy", "revenue_growth_qoq", "logo_retention", "gross_revenue_retention", "net_revenue_retention",
  "share_of_wallet", "clv", "nps", "csat", "sla_attainment", "first_response_hours", "resolution_hours", "cadence_compliance",
  "plan_action_completion", "feedback_closure_days",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** `percent` values are 0-100 (retention 92.5 = 92.5 %), `money` is in the organization's currency. */
export const KPI_UNITS = ["money", "percent", "score", "hours", "days"] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export const KPI_DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const SCORECARD_PERSPECTIVES = ["financial", "customer", "internal_process", "learning_growth"] as const;
export type ScorecardPerspective = (typeof SCORECARD_PERSPECTIVES)[number];

export interface Localised {
  en: string;
  "zh-CN": string;
}

export interface KpiDefinition {
  key: KpiKey;
  name: Localised;
  definition: Localised;
  unit: KpiUnit;
  direction: KpiDirection;
  formula: string;
  /** The perspective the KPI belongs to in a balanced scorecard. */
  perspective: ScorecardPerspective;
  /** Where the figures come from, for the definition page. */
  source: string;
}

const kpi = (d: KpiDefinition) => d;

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  kpi({
    key: "revenue", unit: "money", direction: "higher_is_better", perspective: "financial", source: "orders",
    name: { en: "Revenue", "zh-CN": "收入" },
    definition: {
      en: "Confirmed orders dated in the period, in the organization's currency. Orders in other currencies are left out and counted.",
      "zh-CN": "期间内已确认订单的金额（组织本位币）。其他币种的订单不计入，但会统计其数量。",
    },
    formula: "Σ amount of confirmed, live orders with from ≤ order date ≤ to",
  }),
  kpi({
    key: "revenue_growth_yoy", unit: "percent", direction: "higher_is_better", perspective: "financial", source: "orders",
    name: { en: "Revenue growth (year on year)", "zh-CN": "收入同比增长" },
    definition: {
      en: "Revenue of the period against the same period a year before. Not measurable when the year before had no revenue.",
      "zh-CN": "本期收入与上年同期相比的增长。上年同期无收入时无法计算。",
    },
    formula: "(revenue(period) − revenue(same period a year before)) / revenue(same period a year before) × 100",
  }),
  kpi({
    key: "revenue_growth_qoq", unit: "percent", direction: "higher_is_better", perspective: "financial", source: "orders",
    name: { en: "Revenue growth (on previous period)", "zh-CN": "收入环比增长" },
    definition: {
      en: "Revenue of the period against the period of the same length just before it (the previous quarter for a quarter).",
      "zh-CN": "本期收入与紧邻的上一个等长期间（季度即上一季度）相比的增长。",
    },
    formula: "(revenue(period) − revenue(previous period)) / revenue(previous period) × 100",
  }),
  kpi({
    key: "logo_retention", unit: "percent", direction: "higher_is_better", perspective: "customer", source: "orders, accounts",
    name: { en: "Logo retention", "zh-CN": "客户留存率" },
    definition: {
      en: "Of the accounts that bought in the 12 months before, the share still buying in the 12 months ending with the period. Accounts created within those 12 months are new, not retained, and are left out.",
      "zh-CN": "在前 12 个月有购买的客户中，在截至本期末的 12 个月内仍有购买的比例。在这 12 个月内新建的客户属于新获客户，不计入。",
    },
    formula: "|base with revenue(current 12 months) > 0| / |base| × 100, base = accounts with revenue(prior 12 months) > 0, not created in the current 12 months",
  }),
  kpi({
    key: "gross_revenue_retention", unit: "percent", direction: "higher_is_better", perspective: "financial", source: "orders, accounts",
    name: { en: "Gross revenue retention", "zh-CN": "总收入留存率" },
    definition: {
      en: "Revenue kept from the base accounts, each capped at what it bought in the 12 months before: expansion does not count, so it stays between 0 and 100 %.",
      "zh-CN": "基准客户保留下来的收入，每个客户最多按其前 12 个月的收入计算：扩展收入不计入，因此始终在 0 到 100% 之间。",
    },
    formula: "Σ min(revenue(current 12 months), revenue(prior 12 months)) / Σ revenue(prior 12 months) × 100 over the base",
  }),
  kpi({
    key: "net_revenue_retention", unit: "percent", direction: "higher_is_better", perspective: "financial", source: "orders, accounts",
    name: { en: "Net revenue retention", "zh-CN": "净收入留存率" },
    definition: {
      en: "Revenue of the base accounts in the 12 months ending with the period over their revenue in the 12 months before: expansion counts, so it may exceed 100 %.",
      "zh-CN": "基准客户在截至本期末的 12 个月的收入与其前 12 个月收入之比：扩展收入计入，因此可能超过 100%。",
    },
    formula: "Σ revenue(current 12 months) / Σ revenue(prior 12 months) × 100 over the base",
  }),
  kpi({
    key: "share_of_wallet", unit: "percent", direction: "higher_is_better", perspective: "customer", source: "orders, accounts.custom_fields.estimatedTotalSpend",
    name: { en: "Share of wallet", "zh-CN": "钱包份额" },
    definition: {
      en: "Revenue of the 12 months ending with the period over the customers' estimated total annual spend (custom field estimatedTotalSpend), over the accounts that have an estimate.",
      "zh-CN": "截至本期末 12 个月的收入占客户预计年度总支出（自定义字段 estimatedTotalSpend）的比例，仅计算有估计值的客户。",
    },
    formula: "Σ min(revenue(12 months), estimatedTotalSpend) / Σ estimatedTotalSpend × 100",
  }),
  kpi({
    key: "clv", unit: "money", direction: "higher_is_better", perspective: "financial", source: "analysis_runs (latest CLV run), analysis_results",
    name: { en: "Customer lifetime value", "zh-CN": "客户终身价值" },
    definition: {
      en: "The mean CLV of the accounts in the latest successful CLV analysis run in the organization's currency. It is a forecast made when the run was made, whatever the period.",
      "zh-CN": "最近一次成功的 CLV 分析（组织本位币）中各客户 CLV 的平均值。它是分析时的预测，与所选期间无关。",
    },
    formula: "mean of values.clv over the subject's accounts in the latest CLV run",
  }),
  kpi({
    key: "nps", unit: "score", direction: "higher_is_better", perspective: "customer", source: "survey_responses",
    name: { en: "Net Promoter Score", "zh-CN": "净推荐值 (NPS)" },
    definition: {
      en: "Percentage of promoters (9-10) minus percentage of detractors (0-6) among the NPS answers submitted in the period; from −100 to 100.",
      "zh-CN": "期间内提交的 NPS 回答中推荐者（9-10 分）比例减去贬损者（0-6 分）比例；范围 −100 到 100。",
    },
    formula: "(promoters − detractors) / answers × 100",
  }),
  kpi({
    key: "csat", unit: "percent", direction: "higher_is_better", perspective: "customer", source: "survey_responses",
    name: { en: "Customer satisfaction (CSAT)", "zh-CN": "客户满意度 (CSAT)" },
    definition: {
      en: "Share of satisfied answers (4 or 5 on the 1-5 scale) among the CSAT answers submitted in the period.",
      "zh-CN": "期间内提交的 CSAT 回答中满意回答（1-5 分制中的 4 或 5 分）的比例。",
    },
    formula: "answers with csat ≥ 4 / answers × 100",
  }),
  kpi({
    key: "sla_attainment", unit: "percent", direction: "higher_is_better", perspective: "internal_process", source: "cases, case_events, sla_policies",
    name: { en: "SLA attainment", "zh-CN": "SLA 达成率" },
    definition: {
      en: "Of the first-response and resolution clocks of cases opened in the period that have stopped, the share that stopped within target (as the SLA clocks count time).",
      "zh-CN": "期间内创建的工单中已停止的首次响应和解决计时里，在目标时间内停止的比例（按 SLA 计时规则计算）。",
    },
    formula: "stopped clocks met / stopped clocks × 100",
  }),
  kpi({
    key: "first_response_hours", unit: "hours", direction: "lower_is_better", perspective: "internal_process", source: "cases, case_events",
    name: { en: "Average first response time", "zh-CN": "平均首次响应时间" },
    definition: {
      en: "Mean time to first response of the cases opened in the period that have been answered, in hours as the SLA clock counts them (business hours where the policy says so, paused time left out).",
      "zh-CN": "期间内创建且已响应的工单的平均首次响应时间（小时），按 SLA 计时规则计算（按策略仅计工作时间，暂停时间不计）。",
    },
    formula: "mean(first response minutes) / 60",
  }),
  kpi({
    key: "resolution_hours", unit: "hours", direction: "lower_is_better", perspective: "internal_process", source: "cases, case_events",
    name: { en: "Average resolution time", "zh-CN": "平均解决时间" },
    definition: {
      en: "Mean time to resolution of the cases opened in the period that are resolved, in hours as the SLA clock counts them.",
      "zh-CN": "期间内创建且已解决的工单的平均解决时间（小时），按 SLA 计时规则计算。",
    },
    formula: "mean(resolution minutes) / 60",
  }),
  kpi({
    key: "cadence_compliance", unit: "percent", direction: "higher_is_better", perspective: "internal_process", source: "interactions, cadence policies",
    name: { en: "Cadence compliance", "zh-CN": "联系节奏达标率" },
    definition: {
      en: "Share of the accounts with a planned contact cadence that have nothing overdue on the period's last day (today for a period not over), as the cadence module assesses them.",
      "zh-CN": "在有计划联系节奏的客户中，于期末（期间未结束则为今天）没有逾期联系的客户比例，按联系节奏模块的评估规则计算。",
    },
    formula: "accounts with no overdue cadence / accounts with a planned cadence × 100",
  }),
  kpi({
    key: "plan_action_completion", unit: "percent", direction: "higher_is_better", perspective: "learning_growth", source: "account_plans.content.actions",
    name: { en: "Plan action completion", "zh-CN": "计划行动完成率" },
    definition: {
      en: "Of the account plan actions due in the period, the share done; cancelled actions do not count.",
      "zh-CN": "客户计划中到期日在本期内的行动中已完成的比例；已取消的行动不计入。",
    },
    formula: "actions done / actions due in the period, not cancelled × 100",
  }),
  kpi({
    key: "feedback_closure_days", unit: "days", direction: "lower_is_better", perspective: "learning_growth", source: "feedback_items",
    name: { en: "Feedback closure time", "zh-CN": "反馈闭环时间" },
    definition: {
      en: "Mean days from a feedback item's creation to its closing, over the items closed in the period.",
      "zh-CN": "期间内关闭的反馈事项从创建到关闭的平均天数。",
    },
    formula: "mean(closed_at − created_at) in days",
  }),
];

const BY_KEY = new Map(KPI_DEFINITIONS.map((d) => [d.key, d]));

export function kpiDefinition(key: KpiKey): KpiDefinition {
  return BY_KEY.get(key)!;
}

export function isKpiKey(key: string): key is KpiKey {
  return BY_KEY.has(key as KpiKey);
}
