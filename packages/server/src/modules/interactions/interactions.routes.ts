import {
  ZCreateInteractionRequest, ZIdParams, ZInteraction, ZInteractionPage, ZListInteractionsQuery, ZNextStepTaskRequest, ZTask, ZUpdateInteractionRequest,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as interactions from "./interactions.service";

const tags = ["interactions"];

/** /api/interactions: visits, calls, meetings, e-mails, QBRs with a customer, past and planned. */
export function interactionsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "List interactions (cursor pagination, newest first by default, filters)", querystring: ZListInteractionsQuery, response: { 200: ZInteractionPage } },
    }, async (request) => interactions.listInteractions({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.post("/", {
      schema: { tags, summary: "Record or plan an interaction", body: ZCreateInteractionRequest, response: { 201: ZInteraction } },
    }, async (request, reply) => {
      const interaction = await interactions.createInteraction({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, interaction.version);
      return reply.code(201).header("location", `/api/interactions/${interaction.id}`).send(interaction);
    });

    r.get("/:id", {
      schema: { tags, summary: "Get an interaction (ETag = version)", params: ZIdParams, response: { 200: ZInteraction } },
    }, async (request, reply) => {
      const interaction = await interactions.getInteraction({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, interaction.version);
      return interaction;
    });

    r.patch("/:id", {
      schema: {
        tags, summary: "Update an interaction; send If-Match (412 when stale) or version (409 when stale)",
        params: ZIdParams, body: ZUpdateInteractionRequest, response: { 200: ZInteraction },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const interaction = await interactions.updateInteraction({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, interaction.version);
      return interaction;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete an interaction (kept in the audit trail)", params: ZIdParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] ? expectedVersion(request, undefined) : undefined;
      await interactions.deleteInteraction({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected });
      return reply.code(204).send(null);
    });

    r.post("/:id/next-step-task", {
      schema: {
        tags, summary: "Turn the interaction's next step into a task on its account",
        params: ZIdParams, body: ZNextStepTaskRequest, response: { 201: ZTask },
      },
    }, async (request, reply) => {
      const task = await interactions.createNextStepTask({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body });
      setEtag(reply, task.version);
      return reply.code(201).header("location", `/api/tasks/${task.id}`).send(task);
    });
  };
}
