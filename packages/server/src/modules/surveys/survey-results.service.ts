import type { TListVerbatimsQuery, TScoreSummary, TSurveyResults, TSurveyResultsQuery, TSurveyVerbatim } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { csatFromTotals, npsFromCounts, responseRateOf, type AccountTier } from "@openkam/domain";
import { invalid } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import type { Scope } from "../../tenancy/scope";
import * as results from "./survey-results.repository";
import { organizationTimeZone } from "./surveys.repository";

type Counts = Pick<results.AccountPeriodRow, "responses" | "promoters" | "passives" | "detractors" | "csatResponses" | "csatSum" | "csatSatisfied" | "invited" | "responded">;

const zero = (): Counts => ({ responses: 0, promoters: 0, passives: 0, detractors: 0, csatResponses: 0, csatSum: 0, csatSatisfied: 0, invited: 0, responded: 0 });

function add(into: Counts, row: Counts): Counts {
  for (const key of Object.keys(into) as Array<keyof Counts>) into[key] += Number(row[key]);
  return into;
}

/** The scores of a group of counted rows, from the domain's definitions of NPS, CSAT and response rate. */
export function summarize(c: Counts): TScoreSummary {
  const nps = npsFromCounts(c);
  const csat = csatFromTotals({ responses: c.csatResponses, sum: c.csatSum, satisfied: c.csatSatisfied });
  return {
    responses: c.responses, nps: nps.nps, promoters: c.promoters, passives: c.passives, detractors: c.detractors, npsResponses: nps.responses,
    csat: csat.mean, csatSatisfiedPct: csat.satisfiedPct, csatResponses: csat.responses, invited: c.invited, responseRate: responseRateOf({ sent: c.invited, responded: c.responded }),
  };
}

function groupBy<K>(rows: readonly results.AccountPeriodRow[], key: (row: results.AccountPeriodRow) => K): Map<K, Counts> {
  const groups = new Map<K, Counts>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, add(groups.get(k) ?? zero(), row));
  }
  return groups;
}

/** NPS, CSAT and response rates overall, per tier, per segment, per account and per month or quarter, over the accounts the caller sees. */
export async function getSurveyResults({ db, scope, query }: { db: Db; scope: Scope; query: TSurveyResultsQuery }): Promise<TSurveyResults> {
  if (query.from && query.to && query.from > query.to) throw invalid("to", "The end date comes before the start date");
  const timeZone = await organizationTimeZone(db, scope);
  const rows = await results.accountPeriodCounts(db, scope, query, timeZone);
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  const segments = await results.latestMatrixSegments(db, scope, accountIds);
  const accountsById = new Map(rows.map((r) => [r.accountId, { accountName: r.accountName, tier: r.tier }]));
  return {
    overall: summarize(rows.reduce((acc, row) => add(acc, row), zero())),
    byTier: [...groupBy(rows, (r) => r.tier)].map(([tier, c]) => ({ tier: tier as AccountTier, ...summarize(c) })),
    bySegment: [...groupBy(rows, (r) => segments.get(r.accountId) ?? null)].map(([segment, c]) => ({ segment, ...summarize(c) })),
    byAccount: [...groupBy(rows, (r) => r.accountId)]
      .map(([accountId, c]) => ({ accountId, ...accountsById.get(accountId)!, segment: segments.get(accountId) ?? null, ...summarize(c) }))
      .sort((a, b) => (a.nps ?? 1000) - (b.nps ?? 1000) || a.accountName.localeCompare(b.accountName)),
    overTime: [...groupBy(rows, (r) => r.period)].sort(([a], [b]) => a.localeCompare(b)).map(([period, c]) => ({ period, ...summarize(c) })),
  };
}

/** Text answers with their prompts in the language the customer answered in. */
function textsOf(row: results.VerbatimRow): TSurveyVerbatim["texts"] {
  return row.definition.questions.flatMap((q) => {
    const value = row.answers[q.id];
    return q.kind === "text" && typeof value === "string" ? [{ questionId: q.id, prompt: q.prompt[row.language], text: value }] : [];
  });
}

export async function listVerbatims({ db, scope, query }: { db: Db; scope: Scope; query: TListVerbatimsQuery }) {
  const page = toPage(await results.listVerbatims(db, scope, query), query.limit);
  return {
    items: page.items.map((row): TSurveyVerbatim => ({
      id: row.id, surveyId: row.surveyId, surveyTitle: row.surveyTitle, accountId: row.accountId, accountName: row.accountName, contactName: row.contactName,
      submittedAt: row.submittedAt.toISOString(), npsScore: row.npsScore, csatScore: row.csatScore, comment: row.comment, texts: textsOf(row),
      language: row.language, feedbackItemId: row.feedbackItemId,
    })),
    nextCursor: page.nextCursor,
  };
}
