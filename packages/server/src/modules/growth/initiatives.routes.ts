import { ZCreateInitiativeRequest, ZGrowthDeleteQuery, ZIdParams, ZInitiative, ZInitiativeList, ZUpdateInitiativeRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as service from "./initiatives.service";

const tags = ["growth"];

/** /api/accounts/{id}/initiatives: value co-created with the customer. */
export function accountInitiativeRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/:id/initiatives", {
      schema: { tags, summary: "Joint initiatives with the value promised and delivered and the customer's ROI", params: ZIdParams, response: { 200: ZInitiativeList } },
    }, async (request) => service.listInitiatives({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id }));

    r.post("/:id/initiatives", {
      schema: { tags, summary: "Start a joint initiative", params: ZIdParams, body: ZCreateInitiativeRequest, response: { 201: ZInitiative } },
    }, async (request, reply) => {
      const initiative = await service.createInitiative({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body });
      setEtag(reply, initiative.version);
      return reply.code(201).send(initiative);
    });
  };
}

/** /api/initiatives/{id}. */
export function initiativeRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.patch("/:id", {
      schema: { tags, summary: "Change an initiative; If-Match (412 when stale) or version (409 when stale)", params: ZIdParams, body: ZUpdateInitiativeRequest, response: { 200: ZInitiative } },
    }, async (request, reply) => {
      const initiative = await service.updateInitiative({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected: expectedVersion(request, request.body.version) });
      setEtag(reply, initiative.version);
      return initiative;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete an initiative; If-Match or ?version=", params: ZIdParams, querystring: ZGrowthDeleteQuery, response: { 204: z.null() } },
    }, async (request, reply) => {
      await service.deleteInitiative({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected: expectedVersion(request, request.query.version) });
      return reply.code(204).send(null);
    });
  };
}
