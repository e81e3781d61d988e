import { ZApiTokenList, ZCreateApiTokenBody, ZCreatedApiToken, ZIdParams } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as tokens from "./tokens.service";

const tags = ["tokens"];

/** /api/tokens: API tokens for integrations (Authorization: Bearer okam_…). */
export function tokensRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "List your API tokens (admins: all of the organization's, with their owners)", response: { 200: ZApiTokenList } },
    }, async (request) => tokens.listTokens({ db, scope: scopeOf(actorOf(request)) }));

    r.post("/", {
      schema: {
        tags, summary: "Create an API token (role at most yours); the token is shown once",
        body: ZCreateApiTokenBody, response: { 201: ZCreatedApiToken },
      },
    }, async (request, reply) => {
      const token = await tokens.createToken({ db, scope: scopeOf(actorOf(request)), input: request.body });
      return reply.code(201).header("cache-control", "no-store").send(token);
    });

    r.delete("/:id", {
      schema: { tags, summary: "Revoke an API token (its owner or an admin); it stops working at once", params: ZIdParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      await tokens.revokeToken({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      return reply.code(204).send(null);
    });
  };
}
