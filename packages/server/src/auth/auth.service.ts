import type { TMe } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { AppError } from "../http/app-error";
import type { Actor } from "./actor";
import { newSecret, sha256, verifyPassword } from "./secrets";
import * as repo from "./sessions.repository";

export const SESSION_IDLE_DAYS = 7;
const FAILURE_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 10;
const MAX_FAILURES_PER_IP = 50;

export interface LoginOptions {
  db: Db;
  email: string;
  password: string;
  organizationId?: string;
  ip: string;
  userAgent: string | null;
}

/** Checks the password and opens a session; returns the cookie secret (only its hash is stored). */
export async function login({ db, email, password, organizationId, ip, userAgent }: LoginOptions) {
  const failures = await repo.countRecentFailures(db, email, ip, FAILURE_WINDOW_MINUTES);
  if (failures.byEmail >= MAX_FAILURES_PER_EMAIL || failures.byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError("RATE_LIMITED", `Too many failed sign-in attempts; try again in ${FAILURE_WINDOW_MINUTES} minutes`, {
      headers: { "retry-after": String(FAILURE_WINDOW_MINUTES * 60) },
    });
  }
  const user = await repo.findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  const orgs = ok && user?.isActive ? await repo.listActiveMemberships(db, user.id) : [];
  const org = organizationId ? orgs.find((o) => o.id === organizationId) : orgs[0];
  if (!user || !ok || !user.isActive || !org) {
    await repo.recordLoginAttempt(db, email, ip, false);
    throw new AppError("INVALID_CREDENTIALS", "The e-mail or password is not correct");
  }
  await repo.recordLoginAttempt(db, email, ip, true);
  const token = newSecret();
  const csrfToken = newSecret();
  await repo.insertSession(db, {
    tokenHash: sha256(token),
    orgId: org.id,
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_IDLE_DAYS * 86_400_000),
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, orgId: org.id, userId: user.id };
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  if (actor.sessionTokenHash) await repo.deleteSession(db, actor.sessionTokenHash);
}

/** Moves the session to another organization the user belongs to (a new session, so the old cookie dies). */
export async function switchOrganization(db: Db, actor: Actor, organizationId: string, userAgent: string | null) {
  if (!actor.sessionTokenHash) throw new AppError("FORBIDDEN", "API tokens are bound to one organization");
  const orgs = await repo.listActiveMemberships(db, actor.userId);
  if (!orgs.some((o) => o.id === organizationId)) throw new AppError("NOT_FOUND", "Organization not found");
  const token = newSecret();
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, actor.sessionTokenHash!);
    await repo.insertSession(tx, {
      tokenHash: sha256(token), orgId: organizationId, userId: actor.userId, csrfToken: newSecret(),
      expiresAt: new Date(Date.now() + SESSION_IDLE_DAYS * 86_400_000), userAgent: userAgent?.slice(0, 300) ?? null,
    });
  });
  return { token };
}

export async function describeActor(db: Db, actor: Actor): Promise<TMe> {
  const [user, org, orgs] = await Promise.all([repo.findUser(db, actor.userId), repo.findOrganization(db, actor.orgId), repo.listActiveMemberships(db, actor.userId)]);
  if (!user || !org) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    organization: { id: org.id, name: org.name, defaultCurrency: org.defaultCurrency, fiscalYearStartMonth: org.fiscalYearStartMonth, timezone: org.timezone },
    role: actor.role,
    organizations: orgs,
    csrfToken: actor.csrfToken,
    authenticatedBy: actor.via,
  };
}
