import type { LOCALES, TWeekAgendaItem } from "@openkam/contracts";
import type { CadenceKind } from "@openkam/domain";
import type { MailMessage } from "../../mail/mailer";

type Language = (typeof LOCALES)[number];

/** The user's language for e-mails; without a preference, English (as the web app falls back to). */
export function mailLanguageOf(locale: string | null): Language {
  return locale?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

const KIND_LABELS: Record<Language, Record<CadenceKind, string>> = {
  en: { visit: "Visit", executive_meeting: "Executive meeting", qbr: "QBR" },
  "zh-CN": { visit: "拜访", executive_meeting: "高层会晤", qbr: "季度业务回顾" },
};

const TEXT = {
  en: {
    subject: (overdue: number, due: number) =>
      `OpenKAM: ${overdue} overdue and ${due} due this week`,
    greeting: (name: string) => `Hello ${name},`,
    intro: "these contacts with your accounts are overdue or fall due this week:",
    overdue: (days: number) => `overdue by ${days} ${days === 1 ? "day" : "days"}`,
    due: (date: string) => `due ${date}`,
    more: (n: number) => `… and ${n} more`,
    open: "Open your week",
    optOut: "You receive this because reminder e-mails are on. Turn them off on the notifications page",
  },
  "zh-CN": {
    subject: (overdue: number, due: number) => `OpenKAM：${overdue} 项联系已逾期，本周还有 ${due} 项到期`,
    greeting: (name: string) => `${name}，您好：`,
    intro: "以下客户的联系已逾期或将于本周到期：",
    overdue: (days: number) => `已逾期 ${days} 天`,
    due: (date: string) => `${date} 到期`,
    more: (n: number) => `……另有 ${n} 项`,
    open: "查看本周安排",
    optOut: "您收到此邮件是因为已开启提醒邮件。可在通知页面关闭",
  },
} as const;

const MAX_LINES = 50;

/** Account names are customer data: keep them on one line, whatever they contain. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, " ").trim();

/** The daily digest of one user's cadences, as plain text in their language. */
export function renderReminderMail(options: {
  to: string;
  name: string;
  language: Language;
  items: readonly TWeekAgendaItem[];
  publicUrl: string;
}): MailMessage {
  const { to, name, language, items, publicUrl } = options;
  const text = TEXT[language];
  const overdue = items.filter((item) => item.daysOverdue > 0).length;
  const lines = items.slice(0, MAX_LINES).map((item) => {
    const when = item.daysOverdue > 0 ? text.overdue(item.daysOverdue) : text.due(item.dueOn);
    return `- ${oneLine(item.accountName)}: ${KIND_LABELS[language][item.kind]}, ${when}`;
  });
  if (items.length > MAX_LINES) lines.push(text.more(items.length - MAX_LINES));
  const body = [
    text.greeting(oneLine(name)),
    "",
    text.intro,
    "",
    ...lines,
    "",
    `${text.open}: ${publicUrl}/cadence`,
    "",
    "--",
    `${text.optOut}: ${publicUrl}/notifications`,
  ].join("\n");
  return { to, subject: text.subject(overdue, items.length - overdue), text: body };
}
