import type { TFeedbackMetrics, TYouSaidWeDid } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { feedbackMetrics, youSaidWeDid } from "@openkam/domain";
import { invalid, notFound } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import { findAccount } from "../accounts/accounts.repository";
import * as repo from "./feedback.repository";

interface Options {
  db: Db;
  scope: Scope;
  now?: Date;
}

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A period of whole UTC days, [from 00:00, the day after `to` 00:00), defaulting to the last `days` days. */
function periodOf(query: { from?: string; to?: string }, days: number, now: Date) {
  const to = query.to ?? isoDay(now);
  const from = query.from ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - days * DAY_MS));
  if (from > to) throw invalid("from", "The period starts after it ends");
  return { from, to, start: new Date(`${from}T00:00:00Z`), end: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) };
}

/** The loop's health over the items raised in the period that the caller sees (open counts and overdue as of now). */
export async function getFeedbackMetrics({ db, scope, query, now = new Date() }: Options & { query: { accountId?: string; from?: string; to?: string } }): Promise<TFeedbackMetrics> {
  const period = periodOf(query, 365, now);
  const items = await repo.metricFacts(db, scope, { accountId: query.accountId, from: period.start, to: period.end });
  const transitions = await repo.listTransitions(db, scope, items.map((i) => i.id));
  const byItem = new Map<string, Array<{ from: (typeof transitions)[number]["fromStatus"]; to: (typeof transitions)[number]["toStatus"]; at: Date }>>();
  for (const t of transitions) {
    const list = byItem.get(t.feedbackId) ?? [];
    list.push({ from: t.fromStatus, to: t.toStatus, at: t.at });
    byItem.set(t.feedbackId, list);
  }
  const metrics = feedbackMetrics(items.map((i) => ({ ...i, transitions: byItem.get(i.id) ?? [] })), now);
  return { from: period.from, to: period.to, total: items.length, ...metrics };
}

/** "You said, we did" for one account: the items closed in the period, what the customer said and what was done. */
export async function getFeedbackReport({ db, scope, accountId, query, now = new Date() }: Options & { accountId: string; query: { from?: string; to?: string } }): Promise<TYouSaidWeDid> {
  const account = await findAccount(db, scope, accountId);
  if (!account) throw notFound("Account");
  const period = periodOf(query, 90, now);
  const rows = await repo.closedInPeriod(db, scope, accountId, period.start, period.end);
  const report = youSaidWeDid(rows.map((r) => ({ ...r, closedAt: r.closedAt! })));
  return {
    account: { id: account.id, name: account.name },
    from: period.from,
    to: period.to,
    entries: report.entries.map((e) => ({ ...e, raisedAt: e.raisedAt.toISOString(), closedAt: e.closedAt.toISOString() })),
    total: report.total,
    closure: report.closure,
    byCategory: report.byCategory,
  };
}
