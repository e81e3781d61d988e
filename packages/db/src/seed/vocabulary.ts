import type { BuyingRole, InteractionType } from "@openkam/domain";
import type { Weighted } from "./random";

/** Words the demo data is written with, in Chinese (zh) and English (en). */
export type Language = "zh" | "en";
export type Text = Readonly<Record<Language, string>>;

const t = (zh: string, en: string): Text => ({ zh, en });
const w = <T>(value: T, weight: number): Weighted<T> => ({ value, weight });

export interface Department {
  readonly name: Text;
  readonly headTitles: readonly Text[];
  readonly staffTitles: readonly Text[];
  readonly headRoles: readonly Weighted<BuyingRole>[];
  readonly staffRoles: readonly Weighted<BuyingRole>[];
}

export const EXECUTIVE: Department = {
  name: t("总经办", "Executive Office"),
  headTitles: [t("总经理", "General Manager"), t("首席执行官", "Chief Executive Officer"), t("董事长", "Chairman")],
  staffTitles: [t("副总经理", "Deputy General Manager"), t("首席运营官", "Chief Operating Officer"), t("副总裁", "Vice President")],
  headRoles: [w("decision_maker", 1)],
  staffRoles: [w("decision_maker", 3), w("influencer", 2), w("champion", 1)],
};

/** Departments below the executive office; the first ones are the most often met. */
export const DEPARTMENTS: readonly Department[] = [
  {
    name: t("采购部", "Procurement"),
    headTitles: [t("采购总监", "Head of Procurement"), t("采购经理", "Purchasing Manager")],
    staffTitles: [t("采购专员", "Buyer"), t("高级采购员", "Senior Buyer"), t("供应商管理工程师", "Supplier Quality Engineer")],
    headRoles: [w("decision_maker", 2), w("gatekeeper", 3), w("blocker", 1)],
    staffRoles: [w("gatekeeper", 4), w("user", 1), w("influencer", 1)],
  },
  {
    name: t("技术部", "Engineering"),
    headTitles: [t("技术总监", "Engineering Director"), t("研发经理", "R&D Manager")],
    staffTitles: [t("高级工程师", "Senior Engineer"), t("工程师", "Engineer"), t("项目经理", "Project Manager")],
    headRoles: [w("influencer", 3), w("champion", 3), w("blocker", 1)],
    staffRoles: [w("user", 3), w("champion", 2), w("influencer", 1)],
  },
  {
    name: t("生产部", "Operations"),
    headTitles: [t("生产总监", "Operations Director"), t("厂长", "Plant Manager")],
    staffTitles: [t("设备主管", "Maintenance Supervisor"), t("生产经理", "Production Manager"), t("工艺工程师", "Process Engineer")],
    headRoles: [w("influencer", 3), w("decision_maker", 1), w("champion", 1)],
    staffRoles: [w("user", 4), w("champion", 1)],
  },
  {
    name: t("信息技术部", "IT"),
    headTitles: [t("IT总监", "IT Director"), t("首席信息官", "Chief Information Officer")],
    staffTitles: [t("IT经理", "IT Manager"), t("系统架构师", "Solution Architect"), t("网络工程师", "Network Engineer")],
    headRoles: [w("influencer", 3), w("blocker", 1), w("decision_maker", 1)],
    staffRoles: [w("user", 3), w("influencer", 1), w("gatekeeper", 1)],
  },
  {
    name: t("财务部", "Finance"),
    headTitles: [t("财务总监", "Chief Financial Officer"), t("财务经理", "Finance Manager")],
    staffTitles: [t("成本会计", "Cost Accountant"), t("财务分析师", "Financial Analyst")],
    headRoles: [w("decision_maker", 2), w("blocker", 2), w("influencer", 2)],
    staffRoles: [w("gatekeeper", 2), w("influencer", 1)],
  },
  {
    name: t("质量部", "Quality"),
    headTitles: [t("质量总监", "Quality Director"), t("质量经理", "Quality Manager")],
    staffTitles: [t("质量工程师", "Quality Engineer"), t("体系工程师", "QMS Engineer")],
    headRoles: [w("influencer", 3), w("blocker", 1)],
    staffRoles: [w("user", 2), w("influencer", 1)],
  },
  {
    name: t("供应链部", "Supply Chain"),
    headTitles: [t("供应链总监", "Supply Chain Director"), t("物流经理", "Logistics Manager")],
    staffTitles: [t("计划员", "Planner"), t("物流专员", "Logistics Coordinator")],
    headRoles: [w("influencer", 2), w("gatekeeper", 1)],
    staffRoles: [w("user", 2), w("gatekeeper", 1)],
  },
];

export const CONTACT_NOTES: readonly Text[] = [
  t("偏好微信沟通，工作日上午回复较快。", "Prefers short calls; replies fastest in the morning."),
  t("对价格敏感，需提前准备成本对比。", "Price-sensitive: bring a cost comparison."),
  t("曾在竞争对手处任职。", "Previously worked for a competitor."),
  t("负责今年的产线改造项目。", "Owns this year's line modernisation project."),
  t("新上任，尚未建立联系。", "New in the role; relationship still to be built."),
];

export interface InteractionTemplate {
  readonly subjects: readonly Text[];
  readonly summaries: readonly Text[];
  readonly minutes: readonly [number, number] | null;
}

export const INTERACTION_TEMPLATES: Readonly<Record<InteractionType, InteractionTemplate>> = {
  visit: {
    subjects: [t("现场拜访：产线升级需求沟通", "Site visit: line upgrade needs"), t("工厂参观与设备巡检", "Plant tour and equipment check"),
      t("拜访采购部，沟通年度需求", "Visit to procurement: annual demand")],
    summaries: [t("参观了新产线，客户计划明年扩产。", "Toured the new line; the customer plans to expand capacity next year."),
      t("与设备团队讨论了备件库存策略。", "Discussed the spare parts stocking strategy with maintenance.")],
    minutes: [60, 180],
  },
  call: {
    subjects: [t("电话跟进报价", "Follow-up call on quotation"), t("交期确认电话", "Call to confirm delivery dates"),
      t("售后问题电话沟通", "Call about a service issue")],
    summaries: [t("客户确认了交期，要求提前发货部分订单。", "Customer confirmed dates and asked to pull in part of the order."),
      t("讨论了报价细节，客户希望再降价3%。", "Went through the quote; the customer asks for another 3% off.")],
    minutes: [10, 45],
  },
  meeting: {
    subjects: [t("技术方案评审会", "Technical solution review"), t("新产品介绍会", "New product briefing"),
      t("项目启动会", "Project kick-off meeting")],
    summaries: [t("技术团队认可方案，需补充兼容性测试数据。", "Engineering accepts the design; they need compatibility test data."),
      t("介绍了新一代控制器，客户有兴趣试用。", "Presented the new controller generation; the customer wants a trial.")],
    minutes: [45, 120],
  },
  email: {
    subjects: [t("发送年度框架协议草案", "Sent draft framework agreement"), t("回复技术咨询", "Answered a technical question"),
      t("发送新品资料", "Sent new product documentation")],
    summaries: [t("已发送资料，等待客户反馈。", "Documents sent; waiting for feedback.")],
    minutes: null,
  },
  qbr: {
    subjects: [t("季度业务回顾", "Quarterly business review")],
    summaries: [t("回顾了本季度销售额、交付表现与改进项。", "Reviewed quarterly revenue, delivery performance and open improvement items.")],
    minutes: [90, 180],
  },
  executive_meeting: {
    subjects: [t("高层会晤：战略合作规划", "Executive meeting: strategic partnership"), t("年度高层对话", "Annual executive dialogue")],
    summaries: [t("双方高层就未来三年合作方向达成共识。", "Both leadership teams aligned on the next three years of cooperation.")],
    minutes: [60, 120],
  },
};

export const OUTCOMES: readonly Text[] = [
  t("客户确认试点范围", "Customer confirmed the pilot scope"), t("需补充资料后再议", "Decision deferred until more data is provided"),
  t("获得口头订单意向", "Verbal commitment to order"), t("客户对价格有异议", "Customer objects to the price"),
  t("问题已解决", "Issue resolved"), t("进入商务谈判阶段", "Moved into commercial negotiation"),
];

export const NEXT_STEPS: readonly Text[] = [
  t("两周内提交正式报价", "Send the formal quotation within two weeks"), t("安排技术交流会", "Schedule a technical workshop"),
  t("寄送样品", "Ship samples"), t("准备下季度业务回顾", "Prepare the next quarterly review"),
  t("跟进合同审批进度", "Follow up on contract approval"),
];

export const TASK_TITLES: readonly Text[] = [
  t("准备季度业务回顾材料", "Prepare QBR deck"), t("跟进报价反馈", "Follow up on quotation"), t("更新客户组织架构图", "Update the org chart"),
  t("续签年度框架协议", "Renew the framework agreement"), t("安排高层拜访", "Arrange an executive visit"),
  t("处理质量投诉", "Resolve the quality complaint"), t("准备年度价格谈判", "Prepare the annual price negotiation"),
  t("确认新项目预算", "Confirm the new project budget"), t("组织产品培训", "Run a product training"),
  t("核对应收账款", "Reconcile open receivables"), t("制定客户年度计划", "Write the annual account plan"),
];

export const ACCOUNT_TAGS = [
  "reference-customer", "price-sensitive", "framework-agreement", "expansion", "competitor-present", "digitalisation", "new-plant",
  "tender", "service-contract", "export",
] as const;

export const TASK_DESCRIPTIONS: readonly Text[] = [
  t("详见最近一次拜访纪要。", "See the notes of the last visit."), t("需与技术部确认细节。", "Check the details with engineering first."),
  t("客户要求本月内完成。", "The customer expects this within the month."), t("与财务核对后再回复客户。", "Confirm with finance before replying."),
];
