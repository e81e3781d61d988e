/**
 * The customer's side of a survey or review link: plain fetch, no session, no CSRF token, no sign-in dialog on
 * errors. Every answer becomes an outcome the page can show; nothing throws.
 */
export type PublicOutcome<T> =
  | { kind: "ok"; value: T }
  | { kind: "not_found" | "answered" | "expired" | "rate_limited" | "offline" | "error" }
  | { kind: "invalid"; errors: Array<{ field: string; message: string }> };

// 414: a link mangled into an over-long token is as unknown as any other.
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

export const getPublic = <T>(url: string) => call<T>(url, { method: "GET" });

export const postPublic = <T>(url: string, body: unknown) =>
  call<T>(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

/**
 * One submission id per link and tab, kept until the answer is received: a submit retried after a dropped
 * connection (or a reload) sends the same id, and the server answers it as the same one.
 */
export function submissionIdFor(kind: "survey" | "review", token: string): string {
  try {
    const stored = sessionStorage.getItem(`openkam.${kind}.${token}`);
    if (stored && /^[0-9a-f-]{36}$/i.test(stored)) return stored;
    const id = crypto.randomUUID();
    sessionStorage.setItem(`openkam.${kind}.${token}`, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

export function forgetSubmission(kind: "survey" | "review", token: string): void {
  try {
    sessionStorage.removeItem(`openkam.${kind}.${token}`);
  } catch {
    // Private mode: nothing was kept.
  }
}
