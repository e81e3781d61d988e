import type { Db } from "@openkam/db";
import { AppError } from "../http/app-error";
import { systemScope, type Scope } from "../tenancy/scope";
import { assertPublicRateLimit, PUBLIC_RATE_LIMITS } from "./public-rate-limit";
import { parsePublicToken } from "./public-token";

// Unknown, malformed, replaced and other organizations' links all get this one answer, so a guesser learns nothing
// from the difference.
export const linkNotFound = () => new AppError("NOT_FOUND", "This link is not valid. Check that it was copied completely.");
export const linkExpired = () => new AppError("LINK_EXPIRED", "This link has expired.");

/**
 * The first step of every public request: counts the hit against the caller's address and then against the link
 * (keyed by what the link is for, e.g. "survey") before anything is looked up — 429 past either limit — and gives
 * the tenant scope and stored hash to look the link up by.
 */
export async function openPublicLink(db: Db, options: { kind: string; token: string; ip: string; now: Date }): Promise<{ scope: Scope; hash: string }> {
  await assertPublicRateLimit(db, `ip:${options.ip}`, options.now, PUBLIC_RATE_LIMITS.perIp);
  const parsed = parsePublicToken(options.token);
  if (!parsed) throw linkNotFound();
  await assertPublicRateLimit(db, `${options.kind}:${parsed.hash}`, options.now, PUBLIC_RATE_LIMITS.perToken);
  return { scope: systemScope(parsed.orgId), hash: parsed.hash };
}
