import type { TSearchQuery } from "@openkam/contracts";
import { accounts, byNameKey, contacts, type Db } from "@openkam/db";
import { and, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { likePattern } from "../accounts/accounts.repository";
import { visibleAccount } from "../accounts/accounts.policy";
import { visibleContact } from "../contacts/contacts.policy";
import { BY_ACCOUNT_NAME } from "../accounts/account-order";

/** Names that start with the text rank before names that merely contain it. */
const prefixFirst = (column: typeof accounts.name | typeof contacts.name, q: string) =>
  sql`(case when lower(${column}) like lower(${`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}) then 0 else 1 end)`;

export async function searchAccounts(db: Db, scope: Scope, { q, limit }: TSearchQuery) {
  return db.orm
    .select({ id: accounts.id, name: accounts.name, tier: accounts.tier, region: accounts.region, industry: accounts.industry })
    .from(accounts)
    .where(and(
      inOrg(scope, accounts.orgId),
      isNull(accounts.deletedAt),
      visibleAccount(scope),
      or(ilike(accounts.name, likePattern(q)), ilike(accounts.legalName, likePattern(q))),
    ))
    .orderBy(prefixFirst(accounts.name, q), BY_ACCOUNT_NAME, accounts.id)
    .limit(limit);
}

export async function searchContacts(db: Db, scope: Scope, { q, limit }: TSearchQuery) {
  return db.orm
    .select({ id: contacts.id, name: contacts.name, title: contacts.title, accountId: contacts.accountId, accountName: accounts.name })
    .from(contacts)
    .innerJoin(accounts, and(eq(accounts.orgId, contacts.orgId), eq(accounts.id, contacts.accountId)))
    .where(and(
      inOrg(scope, contacts.orgId),
      isNull(contacts.deletedAt),
      visibleContact(scope),
      or(ilike(contacts.name, likePattern(q)), ilike(contacts.email, likePattern(q))),
    ))
    .orderBy(prefixFirst(contacts.name, q), byNameKey(contacts.nameKey), contacts.id)
    .limit(limit);
}
