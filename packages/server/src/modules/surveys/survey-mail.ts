import type { SurveyLanguage } from "@openkam/domain";
import type { MailMessage } from "../../mail/mailer";

const TEXT = {
  en: {
    subject: (org: string, title: string) => `${org}: ${title}`,
    greeting: (name: string) => `Dear ${name},`,
    body: (org: string) => `${org} would value your opinion. Answering takes about two minutes:`,
    validity: (date: string) => `The link is personal to you and works until ${date}.`,
    button: "Answer the survey",
    thanks: "Thank you!",
  },
  "zh-CN": {
    subject: (org: string, title: string) => `${org}：${title}`,
    greeting: (name: string) => `${name}，您好：`,
    body: (org: string) => `${org} 非常重视您的意见。回答问卷大约需要两分钟：`,
    validity: (date: string) => `此链接仅供您本人使用，有效期至 ${date}。`,
    button: "填写问卷",
    thanks: "谢谢！",
  },
} as const;

/** Names and titles are data: one line each in the text part, escaped in the HTML part. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, " ").trim();
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]!);

/** The invitation e-mail, in the invitation's language, carrying the customer's personal link. */
export function renderSurveyInvitationMail(options: {
  to: string;
  contactName: string;
  organizationName: string;
  title: string;
  language: SurveyLanguage;
  link: string;
  expiresAt: Date;
}): MailMessage {
  const text = TEXT[options.language];
  const org = oneLine(options.organizationName);
  const date = options.expiresAt.toISOString().slice(0, 10);
  const lines = [text.greeting(oneLine(options.contactName)), "", text.body(org), "", options.link, "", text.validity(date), "", text.thanks, org];
  const html = `<p>${escapeHtml(text.greeting(oneLine(options.contactName)))}</p>
<p>${escapeHtml(text.body(org))}</p>
<p><a href="${escapeHtml(options.link)}" style="display:inline-block;padding:12px 20px;background:#1c7ed6;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(text.button)}</a></p>
<p style="color:#666">${escapeHtml(text.validity(date))}<br>${escapeHtml(options.link)}</p>
<p>${escapeHtml(text.thanks)}<br>${escapeHtml(org)}</p>`;
  return { to: options.to, subject: oneLine(text.subject(org, options.title)).slice(0, 200), text: lines.join("\n"), html };
}
