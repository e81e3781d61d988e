import {
  ZCreateProgrammeGoalRequest, ZDeleteProgrammeGoalQuery, ZIdParams, ZProgramme, ZProgrammeAccountParams, ZProgrammeGoal, ZProgrammeOverview,
  ZPutProgrammeRequest, ZUpdateProgrammeGoalRequest,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as programme from "./programme.service";

const tags = ["programme"];

/** /api/programme: the KAM programme, its pilot cohort and its goals. */
export function programmeRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "The programme, its cohort (the accounts you see) and its goals measured now", response: { 200: ZProgrammeOverview } },
    }, async (request) => programme.getProgramme({ db, scope: scopeOf(actorOf(request)) }));

    r.put("/", {
      schema: {
        tags, summary: "Set the programme up (201) or change it (200); directors and admins. If-Match or version optional (0 for a new one)",
        body: ZPutProgrammeRequest, response: { 200: ZProgramme, 201: ZProgramme },
      },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.body.version !== undefined ? expectedVersion(request, request.body.version) : undefined;
      const result = await programme.putProgramme({ db, scope: scopeOf(actorOf(request)), input: request.body, expected });
      setEtag(reply, result.programme.version);
      return reply.code(result.created ? 201 : 200).send(result.programme);
    });

    r.put("/accounts/:accountId", {
      schema: { tags, summary: "Put an account into the pilot cohort (201 when added, 204 when it already was)", params: ZProgrammeAccountParams, response: { 201: z.null(), 204: z.null() } },
    }, async (request, reply) => {
      const added = await programme.addCohortAccount({ db, scope: scopeOf(actorOf(request)), accountId: request.params.accountId });
      return reply.code(added ? 201 : 204).send(null);
    });

    r.delete("/accounts/:accountId", {
      schema: { tags, summary: "Take an account out of the pilot cohort", params: ZProgrammeAccountParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      await programme.removeCohortAccount({ db, scope: scopeOf(actorOf(request)), accountId: request.params.accountId });
      return reply.code(204).send(null);
    });

    r.post("/goals", {
      schema: { tags, summary: "Add a goal", body: ZCreateProgrammeGoalRequest, response: { 201: ZProgrammeGoal } },
    }, async (request, reply) => {
      const goal = await programme.createGoal({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, goal.version);
      return reply.code(201).send(goal);
    });

    r.patch("/goals/:id", {
      schema: {
        tags, summary: "Change a goal; send If-Match (412 when stale) or version (409 when stale)",
        params: ZIdParams, body: ZUpdateProgrammeGoalRequest, response: { 200: ZProgrammeGoal },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const goal = await programme.updateGoal({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, goal.version);
      return goal;
    });

    r.delete("/goals/:id", {
      schema: { tags, summary: "Remove a goal; send If-Match or ?version=", params: ZIdParams, querystring: ZDeleteProgrammeGoalQuery, response: { 204: z.null() } },
    }, async (request, reply) => {
      await programme.deleteGoal({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected: expectedVersion(request, request.query.version) });
      return reply.code(204).send(null);
    });
  };
}
