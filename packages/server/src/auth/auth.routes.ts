import { ZLoginRequest, ZMe, ZSwitchOrgRequest } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "./actor";
import { describeActor, login, logout, SESSION_IDLE_DAYS, switchOrganization } from "./auth.service";
import { SESSION_COOKIE } from "./authenticate";
import { sha256 } from "./secrets";
import { findLiveSession } from "./sessions.repository";

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SESSION_IDLE_DAYS * 86_400 });
}

export function authRoutes(db: Db, options: { secureCookies: boolean }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post("/login", {
      config: { public: true },
      schema: { tags: ["auth"], summary: "Sign in with e-mail and password", body: ZLoginRequest, response: { 200: ZMe } },
    }, async (request, reply) => {
      const { token } = await login({ db, ...request.body, ip: request.ip, userAgent: request.headers["user-agent"] ?? null });
      setSessionCookie(reply, token, options.secureCookies);
      const session = await findLiveSession(db, sha256(token));
      if (!session) throw new Error("session vanished right after login");
      return describeActor(db, { ...session, via: "session", tokenId: null, sessionTokenHash: sha256(token) });
    });

    r.post("/logout", { schema: { tags: ["auth"], summary: "Sign out (ends the session at once)", response: { 204: z.null() } } }, async (request, reply) => {
      await logout(db, actorOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    });

    r.get("/me", { schema: { tags: ["auth"], summary: "Who am I: user, organization, role, CSRF token", response: { 200: ZMe } } }, async (request) =>
      describeActor(db, actorOf(request)));

    r.post("/switch-organization", {
      schema: { tags: ["auth"], summary: "Continue in another organization you belong to", body: ZSwitchOrgRequest, response: { 200: ZMe } },
    }, async (request, reply) => {
      const { token } = await switchOrganization(db, actorOf(request), request.body.organizationId, request.headers["user-agent"] ?? null);
      setSessionCookie(reply, token, options.secureCookies);
      const session = await findLiveSession(db, sha256(token));
      if (!session) throw new Error("session vanished right after switching");
      return describeActor(db, { ...session, via: "session", tokenId: null, sessionTokenHash: sha256(token) });
    });
  };
}
