import type { TQbr } from "@openkam/contracts";
import type ExcelJS from "exceljs";
import { neutralise } from "../exports/exports.csv";
import { QBR_LABELS, type QbrLanguage } from "./qbr.labels";

type Cell = string | number | null;

/** Text a spreadsheet could run as a formula (= + - @ …) is kept as text; numbers stay numbers. */
const safe = (value: Cell): Cell => (typeof value === "string" ? neutralise(value) : value);
const num = (value: string | number | null) => (value === null ? null : Number(value));

function addSheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]) {
  const sheet = book.addWorksheet(name);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safe));
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(12, header[i]?.length ?? 0, ...rows.map((r) => String(r[i] ?? "").length)) + 2);
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** The review's data, one worksheet per section, headers in the requested language. */
export async function renderQbrXlsx(qbr: TQbr, language: QbrLanguage): Promise<Buffer> {
  const l = QBR_LABELS[language];
  // exceljs takes a moment to load; only workbook downloads pay for it, not every server start.
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  book.creator = "OpenKAM";
  book.created = new Date(qbr.generatedAt);
  const a = qbr.account;
  addSheet(book, "Account", [l.account, l.value], [
    [l.account, a.name], [l.quarter, qbr.quarter.key], [l.period, `${qbr.quarter.from} – ${qbr.quarter.to}`], [l.tier, l.tiers[a.tier] ?? a.tier],
    [l.owner, a.owner?.name ?? null], [l.team, a.team.map((m) => m.name).join(", ")], [l.industry, a.industry], [l.region, a.region], [l.generated, qbr.generatedAt],
  ]);
  addSheet(book, "KPIs", [l.kpi, l.value, "unit", l.target, l.light], qbr.kpis.map((k) => [k.key, k.value, k.unit, k.target ?? null, k.status ?? null]));
  addSheet(book, "Scorecard", [l.perspective, l.kpi, l.value, l.target, l.light], (qbr.scorecard?.perspectives ?? []).flatMap((p) =>
    p.kpis.map((k): Cell[] => [l.perspectives[p.key] ?? p.key, k.key, k.value, k.target, k.status ? (l.lights[k.status] ?? k.status) : null])));
  addSheet(book, "Plans", [l.plan, l.status, l.period, l.progress, l.actionCompletion, "done", "open", "overdue"], qbr.plans.map((p) => [
    p.title, p.status, `${p.periodStart} – ${p.periodEnd}`, p.progress, p.actionCompletion, p.actions.done, p.actions.open, p.actions.overdue,
  ]));
  addSheet(book, "Value", [l.initiative, l.status, l.currency, l.promised, l.delivered, l.investment, l.roi], qbr.value.initiatives.map((i) => [
    i.title, i.status, i.currency, num(i.valuePromised), num(i.valueDelivered), num(i.investment), i.roiPct,
  ]));
  addSheet(book, "Feedback", [l.said, l.did, l.severity, l.status, l.closedOn], qbr.feedback.items.map((f) => [f.title, f.action, f.severity, f.status, f.closedAt]));
  const s = qbr.surveys;
  addSheet(book, "Surveys", [l.value, l.count], [
    [l.responses, s.responses], [l.nps, s.nps], [l.csat, s.csat], [l.promoters, s.promoters], [l.passives, s.passives], [l.detractors, s.detractors],
    ...s.comments.map((c): Cell[] => [c.comment, c.npsScore ?? c.csatScore]),
  ]);
  const sv = qbr.service;
  addSheet(book, "Service", [l.type, l.count], [
    ...sv.interactions.byType.map((r): Cell[] => [r.type, r.count]), [l.interactions, sv.interactions.total], [l.cases, sv.cases.opened], [l.resolved, sv.cases.resolved],
    [l.firstResponse, sv.cases.firstResponseAttainment], [l.resolution, sv.cases.resolutionAttainment],
  ]);
  const n = qbr.nextQuarter;
  addSheet(book, "Next quarter", [l.type, l.item, l.due, l.assignee], [
    ...n.planActions.map((x): Cell[] => [l.actions, x.title, x.dueDate, x.ownerName]),
    ...n.tasks.map((x): Cell[] => [l.tasks, x.title, x.dueDate, x.assigneeName]),
    ...n.cadence.map((x): Cell[] => [l.cadence, l.cadenceKinds[x.kind] ?? x.kind, x.dueOn, null]),
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
