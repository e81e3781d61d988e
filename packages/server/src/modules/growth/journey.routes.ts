import { ZIdParams, ZJourney, ZJourneyActionParams, ZJourneyActionTask, ZJourneyActionTaskRequest, ZPutJourneyRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as service from "./journey.service";

const tags = ["growth"];

/** /api/accounts/{id}/journey: the customer journey map. */
export function journeyRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/:id/journey", {
      schema: { tags, summary: "The account's journey map; the default stages (evaluate, buy, onboard, use, renew) with version 0 until saved", params: ZIdParams, response: { 200: ZJourney } },
    }, async (request, reply) => {
      const journey = await service.getJourney({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id });
      setEtag(reply, journey.version);
      return journey;
    });

    r.put("/:id/journey", {
      schema: { tags, summary: "Replace the journey map; If-Match (412 when stale) or version (409 when stale, 0 for the default) is optional", params: ZIdParams, body: ZPutJourneyRequest, response: { 200: ZJourney } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.body.version !== undefined ? expectedVersion(request, request.body.version) : undefined;
      const journey = await service.putJourney({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body, expected });
      setEtag(reply, journey.version);
      return journey;
    });

    r.post("/:id/journey/actions/:actionId/task", {
      schema: { tags, summary: "Make an improvement action a task on the account (assigned to you unless told otherwise)", params: ZJourneyActionParams, body: ZJourneyActionTaskRequest, response: { 201: ZJourneyActionTask } },
    }, async (request, reply) => {
      const result = await service.createActionTask({
        db, scope: scopeOf(actorOf(request)), accountId: request.params.id, actionId: request.params.actionId, assigneeUserId: request.body.assigneeUserId,
      });
      setEtag(reply, result.journey.version);
      return reply.code(201).send(result);
    });
  };
}
