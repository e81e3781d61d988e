import type { TPlan } from "@openkam/contracts";
import type { PlanLocale } from "@openkam/domain/plans/index";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

/**
 * The CJK font ships inside an npm package (Noto Sans SC, OFL): nothing is downloaded at install
 * or run time. pdfkit embeds only the glyphs a document uses, so a plan's PDF stays small.
 */
const FONT_PATH = createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
export const PDF_FONT_NAME = "NotoSansSC";

const LABELS = {
  en: {
    account: "Account", period: "Period", status: "Status", version: "Version", approved: "Approved version", progress: "Progress",
    situation: "Situation", swot: "SWOT", strengths: "Strengths", weaknesses: "Weaknesses", opportunities: "Opportunities", threats: "Threats",
    customerGoals: "The customer's goals", objectives: "Objectives", actions: "Actions", risks: "Risks", none: "None",
    kpi: "KPI", baseline: "Baseline", target: "Target", current: "Current", weight: "Weight", owner: "Owner", due: "Due",
    likelihood: "Likelihood", impact: "Impact", mitigation: "Mitigation",
    statuses: { draft: "Draft", submitted: "Submitted", approved: "Approved", changes_requested: "Changes requested" },
    kpis: { revenue: "Revenue", share_of_wallet: "Share of wallet", satisfaction: "Satisfaction", other: "Other" },
    actionStatuses: { todo: "To do", in_progress: "In progress", blocked: "Blocked", done: "Done", cancelled: "Cancelled" },
    levels: { low: "Low", medium: "Medium", high: "High" },
  },
  "zh-CN": {
    account: "客户", period: "周期", status: "状态", version: "版本", approved: "已批准版本", progress: "进度",
    situation: "现状", swot: "SWOT 分析", strengths: "优势", weaknesses: "劣势", opportunities: "机会", threats: "威胁",
    customerGoals: "客户目标", objectives: "目标", actions: "行动", risks: "风险", none: "无",
    kpi: "指标", baseline: "基线", target: "目标值", current: "当前值", weight: "权重", owner: "负责人", due: "截止",
    likelihood: "可能性", impact: "影响", mitigation: "应对措施",
    statuses: { draft: "草稿", submitted: "已提交", approved: "已批准", changes_requested: "需修改" },
    kpis: { revenue: "收入", share_of_wallet: "钱包份额", satisfaction: "满意度", other: "其他" },
    actionStatuses: { todo: "待办", in_progress: "进行中", blocked: "受阻", done: "已完成", cancelled: "已取消" },
    levels: { low: "低", medium: "中", high: "高" },
  },
} as const;

export interface PrintablePlan {
  plan: TPlan;
  accountName: string;
  owners: ReadonlyMap<string, string>;
}

/** The plan as an A4 document, every section in the requested language's labels. */
export function renderPlanPdf({ plan, accountName, owners }: PrintablePlan, locale: PlanLocale): Promise<Buffer> {
  const l = LABELS[locale];
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: plan.title, Subject: accountName } });
  doc.registerFont(PDF_FONT_NAME, FONT_PATH);
  doc.font(PDF_FONT_NAME);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const heading = (text: string) => doc.moveDown(0.8).fontSize(14).fillColor("#1c4e80").text(text).fillColor("black").fontSize(10).moveDown(0.3);
  const para = (text: string) => doc.fontSize(10).text(text === "" ? l.none : text);
  const bullets = (items: readonly string[]) => (items.length === 0 ? para(l.none) : items.forEach((item) => doc.fontSize(10).text(`• ${item}`, { indent: 10 })));

  doc.fontSize(20).text(plan.title);
  doc.moveDown(0.3).fontSize(10).fillColor("#555555")
    .text(`${l.account}: ${accountName}`)
    .text(`${l.period}: ${plan.periodStart} – ${plan.periodEnd}`)
    .text(`${l.status}: ${l.statuses[plan.status]} · ${l.version} ${plan.version}${plan.approvedVersion !== null ? ` · ${l.approved} ${plan.approvedVersion}` : ""}`)
    .text(`${l.progress}: ${plan.progress === null ? "—" : `${plan.progress}%`}`)
    .fillColor("black");

  const c = plan.content;
  heading(l.situation);
  para(c.situation);
  heading(l.swot);
  for (const key of ["strengths", "weaknesses", "opportunities", "threats"] as const) {
    doc.fontSize(11).text(l[key]);
    bullets(c.swot[key]);
    doc.moveDown(0.2);
  }
  heading(l.customerGoals);
  bullets(c.customerGoals);
  heading(l.objectives);
  if (c.objectives.length === 0) para(l.none);
  for (const o of c.objectives) {
    doc.fontSize(11).text(o.title);
    doc.fontSize(9).fillColor("#444444").text(
      `${l.kpi}: ${l.kpis[o.kpiKind]} · ${l.baseline} ${o.baseline} ${o.unit} · ${l.target} ${o.target} ${o.unit} · ${l.current} ${o.current ?? "—"} ${o.unit} · ${l.weight} ${o.weight}`,
    ).fillColor("black").moveDown(0.2);
  }
  heading(l.actions);
  if (c.actions.length === 0) para(l.none);
  for (const a of c.actions) {
    doc.fontSize(11).text(a.title);
    const owner = a.ownerUserId ? (owners.get(a.ownerUserId) ?? "—") : "—";
    doc.fontSize(9).fillColor("#444444")
      .text(`${l.owner}: ${owner} · ${l.due}: ${a.dueDate ?? "—"} · ${l.status}: ${l.actionStatuses[a.status]} · ${a.progress}%`)
      .fillColor("black").moveDown(0.2);
  }
  heading(l.risks);
  if (c.risks.length === 0) para(l.none);
  for (const r of c.risks) {
    doc.fontSize(11).text(r.description);
    doc.fontSize(9).fillColor("#444444")
      .text(`${l.likelihood}: ${l.levels[r.likelihood]} · ${l.impact}: ${l.levels[r.impact]}${r.mitigation ? ` · ${l.mitigation}: ${r.mitigation}` : ""}`)
      .fillColor("black").moveDown(0.2);
  }
  doc.end();
  return done;
}
