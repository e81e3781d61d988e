import type { PlanActionStatus, PlanKpiKind, PlanRiskLevel } from "./vocabulary";

export type PlanLocale = "en" | "zh-CN";

export const PLAN_TEMPLATE_KEYS = ["strategic", "growth", "blank"] as const;
export type PlanTemplateKey = (typeof PLAN_TEMPLATE_KEYS)[number];

type Text = Record<PlanLocale, string>;

interface ObjectiveSuggestion {
  title: Text;
  kpiKind: PlanKpiKind;
  unit: Text;
  weight: number;
}

export interface PlanTemplate {
  key: PlanTemplateKey;
  name: Text;
  description: Text;
  situation: Text;
  strengths: Text[];
  weaknesses: Text[];
  opportunities: Text[];
  threats: Text[];
  customerGoals: Text[];
  objectives: ObjectiveSuggestion[];
  actions: Text[];
}

const t = (en: string, zh: string): Text => ({ en, "zh-CN": zh });

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    key: "strategic",
    name: t("Strategic account plan", "战略客户计划"),
    description: t("A full annual plan for a strategic account: situation, SWOT, objectives on revenue, share of wallet and satisfaction, risks.",
      "战略客户的完整年度计划：现状、SWOT、收入/钱包份额/满意度目标与风险。"),
    situation: t("Where the relationship stands today: revenue trend, our position with the decision makers, recent wins and losses.",
      "客户关系现状：收入趋势、我们在决策层中的位置、近期的成功与失利。"),
    strengths: [t("Long-standing relationship with the buying centre", "与采购决策团队长期稳定的关系")],
    weaknesses: [t("Little contact with the executive sponsor", "与高层发起人接触较少")],
    opportunities: [t("New product lines the customer does not buy from us yet", "客户尚未向我们采购的新产品线")],
    threats: [t("Competitors offering lower prices", "竞争对手低价竞争")],
    customerGoals: [t("Reduce total cost of ownership", "降低总体拥有成本")],
    objectives: [
      { title: t("Grow annual revenue", "提升年度收入"), kpiKind: "revenue", unit: t("CNY", "元"), weight: 3 },
      { title: t("Raise share of wallet", "提高钱包份额"), kpiKind: "share_of_wallet", unit: t("%", "%"), weight: 2 },
      { title: t("Improve customer satisfaction", "提升客户满意度"), kpiKind: "satisfaction", unit: t("NPS", "NPS"), weight: 1 },
    ],
    actions: [t("Hold an executive business review", "举行高层业务回顾会议")],
  },
  {
    key: "growth",
    name: t("Growth plan", "增长计划"),
    description: t("A focused plan to expand an account: white space, cross-sell and the actions that open them.",
      "聚焦客户拓展的计划：空白市场、交叉销售以及推动它们的行动。"),
    situation: t("Which of the customer's sites and product lines we serve today, and where the white space is.",
      "我们目前服务于客户的哪些工厂和产品线，空白市场在哪里。"),
    strengths: [t("Trusted on quality", "质量方面深受信任")],
    weaknesses: [t("Known for one product line only", "客户只了解我们的一条产品线")],
    opportunities: [t("Cross-sell to sister plants", "向兄弟工厂交叉销售")],
    threats: [t("Budget freeze next year", "明年可能冻结预算")],
    customerGoals: [t("Expand production capacity", "扩大产能")],
    objectives: [
      { title: t("Revenue from new product lines", "新产品线收入"), kpiKind: "revenue", unit: t("CNY", "元"), weight: 2 },
      { title: t("Share of wallet", "钱包份额"), kpiKind: "share_of_wallet", unit: t("%", "%"), weight: 1 },
    ],
    actions: [t("Map the buying centre of each sister plant", "梳理各兄弟工厂的采购决策团队")],
  },
  {
    key: "blank",
    name: t("Blank plan", "空白计划"),
    description: t("Start from empty sections.", "从空白内容开始。"),
    situation: t("", ""),
    strengths: [], weaknesses: [], opportunities: [], threats: [], customerGoals: [], objectives: [], actions: [],
  },
];

export function findPlanTemplate(key: string): PlanTemplate | undefined {
  return PLAN_TEMPLATES.find((tpl) => tpl.key === key);
}

/** A plan's sections; the API contract (ZPlanContent) validates the same shape. */
export interface PlanDocument {
  situation: string;
  swot: { strengths: string[]; weaknesses: string[]; opportunities: string[]; threats: string[] };
  customerGoals: string[];
  objectives: Array<{ id: string; title: string; kpiKind: PlanKpiKind; unit: string; baseline: number; target: number; current: number | null; weight: number }>;
  actions: Array<{
    id: string; title: string; ownerUserId: string | null; dueDate: string | null; status: PlanActionStatus; progress: number; objectiveId: string | null; taskId: string | null;
  }>;
  risks: Array<{ id: string; description: string; likelihood: PlanRiskLevel; impact: PlanRiskLevel; mitigation: string }>;
}

/** A new plan's sections, pre-filled from a template in one language. `newId` names objectives and actions. */
export function contentFromTemplate(template: PlanTemplate, locale: PlanLocale, newId: () => string): PlanDocument {
  const pick = (texts: Text[]) => texts.map((x) => x[locale]);
  return {
    situation: template.situation[locale],
    swot: { strengths: pick(template.strengths), weaknesses: pick(template.weaknesses), opportunities: pick(template.opportunities), threats: pick(template.threats) },
    customerGoals: pick(template.customerGoals),
    objectives: template.objectives.map((o) => ({
      id: newId(), title: o.title[locale], kpiKind: o.kpiKind, unit: o.unit[locale], baseline: 0, target: 0, current: null, weight: o.weight,
    })),
    actions: template.actions.map((a) => ({
      id: newId(), title: a[locale], ownerUserId: null, dueDate: null, status: "todo", progress: 0, objectiveId: null, taskId: null,
    })),
    risks: [],
  };
}
