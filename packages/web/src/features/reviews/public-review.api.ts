import type { TPublicReview, TPublicReviewAnswer, TPublicReviewAnswerRequest } from "@openkam/contracts";

/**
 * The customer's side: plain fetch, no session, no CSRF token, no sign-in dialog on errors. The page only ever
 * talks to /api/public/reviews/{token}.
 */
export type PublicOutcome<T> =
  | { kind: "ok"; value: T }
  | { kind: "not_found" | "answered" | "expired" | "rate_limited" | "offline" | "error" }
  | { kind: "invalid"; errors: Array<{ field: string; message: string }> };

const STATUS: Record<number, PublicOutcome<never>["kind"]> = { 404: "not_found", 409: "answered", 410: "expired", 414: "not_found", 429: "rate_limited" };

async function call<T>(url: string, init: RequestInit): Promise<PublicOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "omit", headers: { accept: "application/json, application/problem+json", ...init.headers } });
  } catch {
    return { kind: "offline" };
  }
  if (response.ok) return { kind: "ok", value: (await response.json()) as T };
  const known = STATUS[response.status];
  if (known) return { kind: known } as PublicOutcome<T>;
  if (response.status === 400) {
    const problem = (await response.json().catch(() => ({}))) as { errors?: Array<{ field: string; message: string }> };
    return { kind: "invalid", errors: problem.errors ?? [] };
  }
  return { kind: "error" };
}

const base = (token: string) => `/api/public/reviews/${encodeURIComponent(token)}`;

export const fetchPublicReview = (token: string) => call<TPublicReview>(base(token), { method: "GET" });

export const submitPublicReview = (token: string, body: TPublicReviewAnswerRequest) =>
  call<TPublicReviewAnswer>(`${base(token)}/ratings`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

const keyOf = (token: string) => `openkam.review.${token}`;

/** One submission id per link and tab, kept until the answer is received, so a retried submit is recognised as the same one. */
export function submissionIdFor(token: string): string {
  try {
    const stored = sessionStorage.getItem(keyOf(token));
    if (stored && /^[0-9a-f-]{36}$/i.test(stored)) return stored;
    const id = crypto.randomUUID();
    sessionStorage.setItem(keyOf(token), id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

export function forgetSubmission(token: string): void {
  try {
    sessionStorage.removeItem(keyOf(token));
  } catch {
    // Private mode: nothing was kept.
  }
}
