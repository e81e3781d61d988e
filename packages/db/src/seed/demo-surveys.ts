import type { SurveyDefinition } from "@openkam/domain/surveys/index";
import { sql } from "drizzle-orm";
import type { Db } from "../connection/database";
import { newId } from "../ids";
import { surveyInvitations, surveyResponses, surveys, surveySchedules, surveySends, surveyVersions } from "../schema/surveys";
import { Random } from "./random";

const DAY = 86_400_000;
const QUARTERS = 4;

const t = (en: string, zh: string) => ({ en, "zh-CN": zh });

export const DEMO_SURVEY: SurveyDefinition = {
  title: t("Quarterly customer check-in", "季度客户回访"),
  intro: t("Two minutes to tell us how we are doing. Thank you!", "占用您两分钟，告诉我们做得怎么样。谢谢！"),
  questions: [
    { id: "nps", kind: "nps", required: true, prompt: t("How likely are you to recommend us to a colleague?", "您向同事推荐我们的可能性有多大？"), followUp: t("What is the main reason for your score?", "您给出这个分数的主要原因是什么？") },
    { id: "csat", kind: "csat", required: true, prompt: t("Overall, how satisfied are you with our service?", "总体而言，您对我们的服务满意吗？") },
    { id: "improve", kind: "text", required: false, prompt: t("What should we improve first?", "我们最应该先改进什么？") },
  ],
};

/** What customers say, by mood: the reason given for the score, in the language they answered in. */
const COMMENTS = {
  promoter: [t("Reliable deliveries and a team that answers the same day.", "交货可靠，团队当天就能答复。"), t("The technical support solved our line problem fast.", "技术支持很快解决了我们的产线问题。"), t("Good partner, clear prices.", "合作伙伴很好，价格透明。")],
  passive: [t("Quality is fine, lead times could be shorter.", "质量不错，交期可以再短一些。"), t("Generally OK; invoices sometimes need corrections.", "总体还行，发票有时需要更正。"), t("Solid, but we rarely see our account manager.", "比较稳定，但很少见到客户经理。")],
  detractor: [t("Two late deliveries this quarter stopped our line.", "本季度两次延迟交货导致我们停线。"), t("Price increases came without notice.", "涨价事先没有通知。"), t("Support tickets are closed without a real answer.", "支持工单没有真正解决就被关闭了。")],
} as const;

const quarterStart = (d: Date, back: number) => {
  const month = Math.floor(d.getUTCMonth() / 3) * 3 - back * 3;
  return new Date(Date.UTC(d.getUTCFullYear(), month, 1));
};
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A quarterly NPS + CSAT survey of the strategic accounts with four quarters of answers: each
 * quarter's sending, an invitation per contact with an e-mail address (three per account at most)
 * and about six in ten answers. Each account keeps a mood of its own that drifts a little from
 * quarter to quarter, so results per account, tier and quarter differ the way real ones do.
 * Deterministic for the same data; does nothing when the organisation already has surveys.
 */
export async function seedDemoSurveys(tx: Db, orgId: string, asOf: Date): Promise<void> {
  const [existing] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from surveys where org_id = ${orgId}`);
  if ((existing?.n ?? 0) > 0) return;
  const random = new Random(20_261_206, "surveys");
  const [director] = await tx.rows<{ userId: string }>(sql`
    select user_id as "userId" from memberships where org_id = ${orgId} and is_active and role in ('admin', 'director') order by role desc, user_id limit 1`);
  const contacts = await tx.rows<{ id: string; accountId: string; email: string; country: string | null }>(sql`
    select c.id, c.account_id as "accountId", c.email, a.country from contacts c
    join accounts a on a.org_id = c.org_id and a.id = c.account_id
    where c.org_id = ${orgId} and a.tier = 'strategic' and a.deleted_at is null and a.status <> 'churned' and c.deleted_at is null and c.email is not null
    order by a.id, c.id`);
  const perAccount = new Map<string, typeof contacts>();
  for (const c of contacts) {
    const list = perAccount.get(c.accountId) ?? [];
    if (list.length < 3) perAccount.set(c.accountId, [...list, c]);
  }
  if (perAccount.size === 0) return;

  const surveyId = newId();
  const firstQuarter = quarterStart(asOf, QUARTERS - 1);
  await tx.orm.insert(surveys).values({ orgId, id: surveyId, title: DEMO_SURVEY.title, defaultLanguage: "zh-CN", validDays: 30, createdBy: director?.userId ?? null, createdAt: new Date(firstQuarter.getTime() - 7 * DAY) });
  await tx.orm.insert(surveyVersions).values({ orgId, surveyId, version: 1, definition: DEMO_SURVEY, createdBy: director?.userId ?? null });
  const scheduleId = newId();
  const lastQuarter = quarterStart(asOf, 0);
  await tx.orm.insert(surveySchedules).values({
    orgId, id: scheduleId, surveyId, targetKind: "tier", tier: "strategic", recurrence: "quarterly", startsOn: isoDate(firstQuarter), lastOccurrence: isoDate(lastQuarter), createdBy: director?.userId ?? null,
  });

  // Each account's mood: the centre of its NPS answers, drifting a little each quarter.
  const mood = new Map([...perAccount.keys()].map((id) => [id, random.float(4, 10)]));
  for (let q = QUARTERS - 1; q >= 0; q--) {
    const sentAt = new Date(quarterStart(asOf, q).getTime() + DAY / 24);
    if (sentAt > asOf) continue;
    const sendId = newId();
    const occurrence = isoDate(quarterStart(asOf, q));
    await tx.orm.insert(surveySends).values({ orgId, id: sendId, surveyId, surveyVersion: 1, scheduleId, occurrence, targetKind: "tier", tier: "strategic", createdAt: sentAt });
    const invitations: Array<typeof surveyInvitations.$inferInsert> = [];
    const responses: Array<typeof surveyResponses.$inferInsert> = [];
    for (const [accountId, people] of perAccount) {
      const centre = Math.max(0, Math.min(10, mood.get(accountId)! + random.float(-1, 1)));
      mood.set(accountId, centre);
      for (const person of people) {
        const language = person.country && ["CN", "TW", "HK", "MO"].includes(person.country) ? "zh-CN" as const : person.country ? "en" as const : "zh-CN" as const;
        const id = newId();
        const tokenHash = Array.from({ length: 8 }, () => random.uint32().toString(16).padStart(8, "0")).join("");
        const answeredAfter = random.int(1, 20) * DAY;
        const answered = random.chance(0.6) && sentAt.getTime() + answeredAfter < asOf.getTime();
        invitations.push({
          orgId, id, surveyId, surveyVersion: 1, sendId, accountId, contactId: person.id, email: person.email, language, tokenHash,
          expiresAt: new Date(sentAt.getTime() + 30 * DAY), mailStatus: "sent", sentAt, createdAt: sentAt,
          respondedAt: answered ? new Date(sentAt.getTime() + answeredAfter) : null,
        });
        if (!answered) continue;
        const nps = Math.max(0, Math.min(10, Math.round(centre + random.normal() * 1.5)));
        const csat = Math.max(1, Math.min(5, Math.round(1 + (nps / 10) * 4 + random.normal() * 0.5)));
        const category = nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
        const comment = random.chance(0.7) ? random.pick(COMMENTS[category])[language] : null;
        responses.push({
          orgId, id: newId(), surveyId, surveyVersion: 1, invitationId: id, accountId, contactId: person.id, submissionId: newId(),
          submittedAt: new Date(sentAt.getTime() + answeredAfter), npsScore: nps, csatScore: csat, comment, language,
          answers: { nps, csat, ...(category === "detractor" && random.chance(0.5) ? { improve: random.pick(COMMENTS.detractor)[language] } : {}) },
        });
      }
    }
    if (invitations.length > 0) await tx.orm.insert(surveyInvitations).values(invitations);
    if (responses.length > 0) await tx.orm.insert(surveyResponses).values(responses);
  }
}
