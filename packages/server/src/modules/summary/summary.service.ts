import { PRODUCT_MIX_TOP, type TListActivityQuery, type TProductMixQuery } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import type { Scope } from "../../tenancy/scope";
import { presentAccount } from "../accounts/accounts.presenter";
import { findAccount } from "../accounts/accounts.repository";
import { listAccountActivity } from "../audit/account-activity.repository";
import { presentActivity, presentProductMix, presentSummary } from "./summary.presenter";
import * as repo from "./summary.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const OPEN_TASKS_SHOWN = 5;
const TOP_CONTACTS = 5;

/**
 * The account 360. The queries are independent, so they are sent together;
 * the visibility check on the account decides whether any of it is shown.
 */
export async function getAccountSummary({ db, scope, id }: Options & { id: string }) {
  const [account, revenue, interactions, openTasks, topContacts, team] = await Promise.all([
    findAccount(db, scope, id),
    repo.revenueByMonth(db, scope, id),
    repo.lastAndNextInteraction(db, scope, id),
    repo.openTasks(db, scope, id, OPEN_TASKS_SHOWN),
    repo.topContacts(db, scope, id, TOP_CONTACTS),
    repo.teamOf(db, scope, id),
  ]);
  if (!account) throw notFound("Account");
  return presentSummary({ account: presentAccount(account), revenue, interactions, openTasks, topContacts, team });
}

/** What happened to the account and its records, newest first. */
export async function listAccountActivityPage({ db, scope, id, query }: Options & { id: string; query: TListActivityQuery }) {
  if (!(await findAccount(db, scope, id))) throw notFound("Account");
  const page = toPage(await listAccountActivity(db, scope, id, query), query.limit);
  return { items: page.items.map(presentActivity), nextCursor: page.nextCursor };
}

/** What the account buys: its top products by line revenue over the last months, and the rest. */
export async function getProductMix({ db, scope, id, query }: Options & { id: string; query: TProductMixQuery }) {
  const account = await findAccount(db, scope, id);
  if (!account) throw notFound("Account");
  const rows = await repo.productMix(db, scope, { accountId: id, currency: account.currency, months: query.months, limit: PRODUCT_MIX_TOP });
  return presentProductMix(rows, account.currency);
}
