import type { ReviewLanguage } from "@openkam/domain";
import type { MailMessage } from "../../mail/mailer";

const TEXT = {
  en: {
    subject: (org: string) => `${org}: how are we doing as your partner?`,
    body: (org: string) => `${org} asks for your honest view of how we work with you. Rating a few points takes about three minutes:`,
    validity: (date: string) => `The link is personal to you and works until ${date}.`,
    button: "Give your view",
    thanks: "Thank you!",
  },
  "zh-CN": {
    subject: (org: string) => `${org}：我们作为合作伙伴做得如何？`,
    body: (org: string) => `${org} 希望了解您对双方合作的真实看法。为几个方面打分大约需要三分钟：`,
    validity: (date: string) => `此链接仅供您本人使用，有效期至 ${date}。`,
    button: "发表您的看法",
    thanks: "谢谢！",
  },
} as const;

const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, " ").trim();
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]!);

/** The customer's invitation to a 360° review, in their language, carrying the personal link. */
export function renderReviewInvitationMail(options: { to: string; organizationName: string; language: ReviewLanguage; link: string; expiresAt: Date }): MailMessage {
  const text = TEXT[options.language];
  const org = oneLine(options.organizationName);
  const date = options.expiresAt.toISOString().slice(0, 10);
  const lines = [text.body(org), "", options.link, "", text.validity(date), "", text.thanks, org];
  const html = `<p>${escapeHtml(text.body(org))}</p>
<p><a href="${escapeHtml(options.link)}" style="display:inline-block;padding:12px 20px;background:#1c7ed6;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(text.button)}</a></p>
<p style="color:#666">${escapeHtml(text.validity(date))}<br>${escapeHtml(options.link)}</p>
<p>${escapeHtml(text.thanks)}<br>${escapeHtml(org)}</p>`;
  return { to: options.to, subject: oneLine(text.subject(org)).slice(0, 200), text: lines.join("\n"), html };
}
