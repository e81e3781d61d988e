import type { TKpiValue, TQbr } from "@openkam/contracts";
import { KPI_DEFINITIONS } from "@openkam/domain";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { fill, percent, QBR_LABELS, type QbrLanguage } from "./qbr.labels";

/**
 * The same CJK font as the account plan's PDF (Noto Sans SC from an npm package, OFL): nothing is
 * downloaded, and pdfkit embeds only the glyphs the review uses.
 */
const FONT_PATH = createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
const FONT = "NotoSansSC";
const ACCENT = "#1c4e80";
const MUTED = "#555555";
const LIGHT_COLOURS: Record<string, string> = { green: "#2b8a3e", amber: "#e67700", red: "#c92a2a" };

const kpiValue = (k: Pick<TKpiValue, "value" | "unit">) => (k.value === null ? "—" : k.unit === "percent" ? `${k.value}%` : String(k.value));
const kpiName = (key: string, language: QbrLanguage) => KPI_DEFINITIONS.find((d) => d.key === key)?.name[language] ?? key;

/** The review as an A4 document laid out to be read aloud: a header, then one titled block per section. */
export function renderQbrPdf(qbr: TQbr, language: QbrLanguage): Promise<Buffer> {
  const l = QBR_LABELS[language];
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: `${l.title} ${qbr.quarter.key}`, Subject: qbr.account.name } });
  doc.registerFont(FONT, FONT_PATH);
  doc.font(FONT);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const heading = (text: string) => doc.moveDown(0.9).fontSize(14).fillColor(ACCENT).text(text).fillColor("black").fontSize(10).moveDown(0.3);
  const line = (text: string, size = 10) => doc.fontSize(size).fillColor("black").text(text);
  const note = (text: string) => doc.fontSize(9).fillColor(MUTED).text(text).fillColor("black");
  const empty = () => note(l.noData);
  const facts = (pairs: Array<[string, string]>) => note(pairs.map(([k, v]) => `${k}: ${v}`).join(" · "));

  const a = qbr.account;
  doc.fontSize(20).fillColor(ACCENT).text(`${l.title} · ${qbr.quarter.key}`).fillColor("black");
  doc.moveDown(0.2).fontSize(16).text(a.name);
  doc.moveDown(0.2);
  facts([[l.tier, l.tiers[a.tier] ?? a.tier], [l.owner, a.owner?.name ?? "—"], [l.quarter, `${qbr.quarter.from} – ${qbr.quarter.to}`]]);
  if (a.team.length > 0) facts([[l.team, a.team.map((m) => m.name).join(", ")]]);
  facts([[l.generated, qbr.generatedAt.slice(0, 16).replace("T", " ") + " UTC"]]);

  heading(l.kpis);
  if (qbr.kpis.length === 0) empty();
  for (const k of qbr.kpis) {
    const onCard = k.target != null || k.status != null;
    doc.fontSize(10).fillColor("black").text(`${kpiName(k.key, language)}: ${kpiValue(k)}`, { continued: onCard });
    if (onCard) {
      doc.fillColor(k.status ? (LIGHT_COLOURS[k.status] ?? MUTED) : MUTED)
        .text(`   ${k.target != null ? `${l.target} ${k.target}` : ""}${k.status ? ` · ${l.lights[k.status]}` : ""}`).fillColor("black");
    }
  }

  const card = qbr.scorecard;
  if (card) {
    heading(l.scorecard);
    facts([[l.value, card.score === null ? "—" : String(card.score)], [l.light, card.status ? l.lights[card.status] ?? "—" : "—"]]);
    for (const p of card.perspectives) {
      doc.fontSize(11).fillColor(p.status ? (LIGHT_COLOURS[p.status] ?? "black") : "black").text(`${l.perspectives[p.key] ?? p.key}: ${p.score ?? "—"}`).fillColor("black");
      for (const k of p.kpis) note(`  • ${kpiName(k.key, language)}: ${kpiValue(k)} / ${l.target} ${k.target}${k.status ? ` · ${l.lights[k.status]}` : ""}`);
    }
  }

  heading(l.plans);
  if (qbr.plans.length === 0) empty();
  for (const p of qbr.plans) {
    line(p.title, 11);
    facts([[l.period, `${p.periodStart} – ${p.periodEnd}`], [l.progress, percent(p.progress)], [l.actionCompletion, percent(p.actionCompletion)]]);
    note(fill(l.actionsLine, p.actions));
    for (const o of p.objectives) note(`  • ${o.title}: ${l.baseline} ${o.baseline} → ${l.current} ${o.current ?? "—"} / ${l.target} ${o.target} ${o.unit}`);
    doc.moveDown(0.3);
  }

  heading(l.valueDelivered);
  if (qbr.value.initiatives.length === 0) empty();
  for (const i of qbr.value.initiatives) {
    line(i.title, 11);
    facts([[l.delivered, `${i.valueDelivered} ${i.currency}`], [l.promised, `${i.valuePromised} ${i.currency}`], [l.investment, `${i.investment} ${i.currency}`], [l.roi, percent(i.roiPct)]]);
  }
  for (const t of qbr.value.totals) line(`${l.total} (${t.currency}): ${l.delivered} ${t.valueDelivered} · ${l.roi} ${percent(t.roiPct)}`);

  heading(l.feedback);
  note(fill(l.feedbackLine, { received: qbr.feedback.received, closed: qbr.feedback.closed, open: qbr.feedback.open }));
  if (qbr.feedback.items.length === 0) empty();
  for (const f of qbr.feedback.items) {
    line(`${l.said}: ${f.title}`, 11);
    if (f.description) note(f.description);
    line(`${l.did}: ${f.action ?? "—"}${f.closedAt ? ` (${l.closedOn} ${f.closedAt.slice(0, 10)})` : ""}`);
    doc.moveDown(0.2);
  }

  heading(l.surveys);
  const s = qbr.surveys;
  if (s.responses === 0) empty();
  else {
    facts([[l.responses, String(s.responses)], [l.nps, s.nps === null ? "—" : String(s.nps)], [l.csat, s.csat === null ? "—" : `${s.csat} / 5`]]);
    facts([[l.promoters, String(s.promoters)], [l.passives, String(s.passives)], [l.detractors, String(s.detractors)]]);
    for (const c of s.comments.slice(0, 8)) line(`“${c.comment}”`);
  }

  heading(l.service);
  const sv = qbr.service;
  facts([[l.interactions, String(sv.interactions.total)], [l.cases, String(sv.cases.opened)], [l.resolved, String(sv.cases.resolved)]]);
  facts([[l.firstResponse, percent(sv.cases.firstResponseAttainment)], [l.resolution, percent(sv.cases.resolutionAttainment)]]);

  heading(`${l.next} · ${qbr.nextQuarter.quarter.key}`);
  const n = qbr.nextQuarter;
  if (n.planActions.length + n.tasks.length + n.cadence.length === 0) empty();
  for (const x of n.planActions) line(`• ${x.title} — ${l.due} ${x.dueDate ?? "—"}${x.ownerName ? ` · ${x.ownerName}` : ""}`);
  for (const task of n.tasks) line(`• ${task.title} — ${l.due} ${task.dueDate ?? "—"}${task.assigneeName ? ` · ${task.assigneeName}` : ""}`);
  for (const c of n.cadence) line(`• ${l.cadenceKinds[c.kind] ?? c.kind} — ${l.due} ${c.dueOn}`);

  doc.end();
  return done;
}
