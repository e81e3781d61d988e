import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { ME_KEY } from "../features/auth/auth.api";
import { summaryKey } from "../features/account360/account360.api";
import { accountKeys } from "../features/accounts/accounts.api";
import { readListState, toListQuery } from "../features/accounts/list-state";
import { USER_OPTIONS_KEY } from "../features/users/users.api";
import { setCsrfToken } from "../lib/api/client";
import { followUserLanguage } from "../lib/i18n/i18n";
import { takeEarlyResponse } from "../lib/api/early-requests";

/** How long the first render waits for answers still on their way; past it the page renders its loaders, as before. */
const WAIT_MS = 300;

/** The query each early URL answers (index.html's inline script starts them; keep the two in step). */
function queryOf(url: string): QueryKey | undefined {
  if (url === "/api/auth/me") return ME_KEY;
  if (url === "/api/accounts?sort=name&limit=50") return accountKeys.list(toListQuery(readListState(new URLSearchParams())), null);
  if (url === "/api/users/options") return USER_OPTIONS_KEY;
  const account = /^\/api\/accounts\/([0-9a-f-]{36})(\/summary)?$/.exec(url);
  if (account) return account[2] ? summaryKey(account[1]!) : accountKeys.one(account[1]!);
  return undefined;
}

const settledWithin = (pending: Promise<Response>, ms: number) =>
  Promise.race([pending.then(() => true, () => true), new Promise<boolean>((done) => setTimeout(() => done(false), ms))]);

/**
 * Puts the answers that index.html asked for while the scripts downloaded into the query cache before the first
 * render. The first render then draws the page with its data — one render and one layout — instead of a loader, then
 * the shell with a skeleton, then the rows, each a render of its own. An answer that failed (401 before sign-in) or is
 * late is left to the page's own request, with its sign-in and error handling.
 */
export async function seedEarlyAnswers(client: QueryClient): Promise<void> {
  const early = typeof window === "undefined" ? undefined : window.__openkamEarly;
  if (!early) return;
  await Promise.all(Object.entries(early).map(async ([url, pending]) => {
    const key = queryOf(url);
    if (!key || !pending || !(await settledWithin(pending, WAIT_MS))) return;
    const response = await takeEarlyResponse(url);
    if (!response) return;
    try {
      const data: unknown = await response.json();
      if (key === ME_KEY) setCsrfToken((data as { csrfToken: string }).csrfToken);
      client.setQueryData(key, data);
    } catch {
      // A body that is not JSON: the page asks again and shows the error its own way.
    }
  }));
}

/**
 * Switches to the signed-in user's saved language before the first render when it differs from the device's (a new
 * browser, or a choice made on another one), so the first page is drawn in it instead of flashing the other
 * language. Without an early answer, RequireSession switches when its own request answers.
 */
export async function adoptUserLanguage(client: QueryClient): Promise<void> {
  const locale = client.getQueryData<{ user?: { locale?: string } } | null>(ME_KEY)?.user?.locale;
  await followUserLanguage(locale).catch(() => undefined);
}
