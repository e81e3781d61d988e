import type { OrgRole } from "@openkam/domain";
import type { FastifyRequest } from "fastify";
import { AppError } from "../http/app-error";

/** Who is making the request, in which organization, with which role. */
export interface Actor {
  userId: string;
  orgId: string;
  role: OrgRole;
  via: "session" | "token";
  /** Set when authenticated by an API token (audit trail). */
  tokenId: string | null;
  /** Set when authenticated by a session cookie. */
  sessionTokenHash: string | null;
  csrfToken: string | null;
}

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call without signing in. */
    public?: boolean;
  }
}

/** The signed-in actor; routes behind authentication can rely on it. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return request.actor;
}
