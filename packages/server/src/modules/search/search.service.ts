import type { TSearchQuery, TSearchResult } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import type { Scope } from "../../tenancy/scope";
import * as repo from "./search.repository";

/** Global search: accounts and contacts the caller can see, by name. */
export async function search({ db, scope, query }: { db: Db; scope: Scope; query: TSearchQuery }): Promise<TSearchResult> {
  const accounts = await repo.searchAccounts(db, scope, query);
  const contacts = await repo.searchContacts(db, scope, query);
  return { accounts, contacts };
}
