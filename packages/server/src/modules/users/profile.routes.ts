import { ZProfile, ZUpdateProfileRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import { updateProfile } from "./profile.service";

/** /api/profile: the signed-in person's own name, language and password. */
export function profileRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.patch("/", {
      schema: {
        tags: ["users"], summary: "Change your name, language or password (a new password needs the current one and signs out your other sessions)",
        body: ZUpdateProfileRequest, response: { 200: ZProfile },
      },
    }, async (request) => {
      const actor = actorOf(request);
      return updateProfile({ db, scope: scopeOf(actor), sessionTokenHash: actor.sessionTokenHash, input: request.body });
    });
  };
}
