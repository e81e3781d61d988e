import type { Database, Db } from "@openkam/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../http/app-error";
import type { Actor } from "./actor";
import { createActorCache, type ActorCache } from "./actor-cache";
import { SESSION_IDLE_DAYS } from "./auth.service";
import { sha256 } from "./secrets";
import { findLiveSession, findLiveToken, markTokenUsed, touchSession, type ResolvedSession, type ResolvedToken } from "./sessions.repository";

export const SESSION_COOKIE = "openkam_session";
export const CSRF_HEADER = "x-csrf-token";
export const TOKEN_PREFIX = "okam_";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Writing last_seen / last_used on every request would turn reads into writes.
const TOUCH_AFTER_MS = 5 * 60_000;

/** The session or token behind a secret: from the cache when it is known and unchanged, else from the database. */
async function lookUp<T extends { expiresAt: Date | null }>(cache: ActorCache, key: string, find: () => Promise<T | undefined>) {
  const cached = cache.get<T>(key);
  if (cached) return cached.value;
  const generation = cache.generation();
  const found = await find();
  if (found) cache.set(key, { value: found, expiresAt: found.expiresAt?.getTime() ?? null }, generation);
  return found;
}

async function resolveActor(db: Db, cache: ActorCache, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "Use 'Authorization: Bearer <token>'");
    const tokenHash = sha256(match[1]);
    const token = await lookUp<ResolvedToken>(cache, `t:${tokenHash}`, () => findLiveToken(db, tokenHash));
    if (!token) throw new AppError("UNAUTHENTICATED", "The API token is invalid, expired or revoked");
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
      await markTokenUsed(db, token.orgId, token.id);
      token.lastUsedAt = new Date();
    }
    return { userId: token.userId, orgId: token.orgId, role: token.role, via: "token", tokenId: token.id, sessionTokenHash: null, csrfToken: null };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const tokenHash = sha256(cookie);
  const session = await lookUp<ResolvedSession>(cache, `s:${tokenHash}`, () => findLiveSession(db, tokenHash));
  if (!session) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await touchSession(db, tokenHash, SESSION_IDLE_DAYS);
    session.lastSeenAt = new Date();
  }
  return { userId: session.userId, orgId: session.orgId, role: session.role, via: "session", tokenId: null, sessionTokenHash: tokenHash, csrfToken: session.csrfToken };
}

/**
 * Resolves the actor of every /api request: a Bearer API token, or the session
 * cookie. Cookie-authenticated writes must echo the session's CSRF token in
 * X-CSRF-Token: a cross-site form can send the cookie but cannot read the token.
 */
export function registerAuthentication(app: FastifyInstance, db: Database, options: { cacheCredentials: boolean }) {
  const cache = createActorCache(options.cacheCredentials ? db.listen : undefined);
  app.addHook("onClose", () => cache.stop());
  // A write on this instance may have ended or narrowed someone's access (sign-out, role change, token revoked):
  // forget at once rather than wait for the notification to come back.
  app.addHook("onResponse", async (request) => {
    if (!SAFE_METHODS.has(request.method)) cache.clear();
  });
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    // The API reference page and its assets are public like the OpenAPI document.
    const isPublic = request.routeOptions.config?.public === true || request.url.startsWith("/api/docs");
    const actor = await resolveActor(db, cache, request).catch((error: unknown) => {
      if (isPublic && error instanceof AppError) return null;
      throw error;
    });
    request.actor = actor;
    if (isPublic) return;
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first");
    if (actor.via === "session" && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== actor.csrfToken) {
      throw new AppError("CSRF_TOKEN_INVALID", "Missing or wrong X-CSRF-Token header; reload the page and try again");
    }
  });
}
