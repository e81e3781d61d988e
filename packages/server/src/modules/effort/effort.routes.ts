import {
  ZAccountEffort, ZCreateEffortEntryRequest, ZDeleteEffortEntryQuery, ZEffortAllocation, ZEffortAllocationQuery, ZEffortEntry, ZEffortEntryList,
  ZEffortPeriodQuery, ZEffortSettings, ZIdParams, ZListEffortQuery, ZPutEffortSettingsRequest, ZUpdateEffortEntryRequest,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as effort from "./effort.service";

const tags = ["effort"];

/** /api/effort: time logged on accounts, and the programme's effort against value. */
export function effortRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/entries", {
      schema: { tags, summary: "Time entries on the accounts you see, newest first; filter by account, person and period (90 days to today by default)", querystring: ZListEffortQuery, response: { 200: ZEffortEntryList } },
    }, async (request) => effort.listEffort({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.post("/entries", {
      schema: { tags, summary: "Log time on an account: by hand, or against one of its interactions, cases or tasks", body: ZCreateEffortEntryRequest, response: { 201: ZEffortEntry } },
    }, async (request, reply) => {
      const entry = await effort.logEffort({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, entry.version);
      return reply.code(201).send(entry);
    });

    r.patch("/entries/:id", {
      schema: { tags, summary: "Change your time entry (directors and admins: anyone's); send If-Match (412 when stale) or version (409 when stale)", params: ZIdParams, body: ZUpdateEffortEntryRequest, response: { 200: ZEffortEntry } },
    }, async (request, reply) => {
      const entry = await effort.updateEffort({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected: expectedVersion(request, request.body.version) });
      setEtag(reply, entry.version);
      return entry;
    });

    r.delete("/entries/:id", {
      schema: { tags, summary: "Remove your time entry; send If-Match or ?version=", params: ZIdParams, querystring: ZDeleteEffortEntryQuery, response: { 204: z.null() } },
    }, async (request, reply) => {
      await effort.deleteEffort({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected: expectedVersion(request, request.query.version) });
      return reply.code(204).send(null);
    });

    r.get("/allocation", {
      schema: {
        tags, summary: "Effort against value per account and quadrant, the key/growth split against its target, over- and under-served accounts (directors and admins)",
        querystring: ZEffortAllocationQuery, response: { 200: ZEffortAllocation },
      },
    }, async (request) => effort.getAllocation({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.get("/settings", {
      schema: { tags, summary: "The allocation target and the over/under-service band (the defaults until a director saves them, version 0)", response: { 200: ZEffortSettings } },
    }, async (request, reply) => {
      const settings = await effort.getSettings({ db, scope: scopeOf(actorOf(request)) });
      setEtag(reply, settings.version);
      return settings;
    });

    r.put("/settings", {
      schema: { tags, summary: "Set the allocation target and band (directors and admins); If-Match or version optional, 0 the first time", body: ZPutEffortSettingsRequest, response: { 200: ZEffortSettings } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.body.version !== undefined ? expectedVersion(request, request.body.version) : undefined;
      const settings = await effort.putSettings({ db, scope: scopeOf(actorOf(request)), input: request.body, expected });
      setEtag(reply, settings.version);
      return settings;
    });
  };
}

/** /api/accounts/{id}/effort: the account's effort in a period, for its team. */
export function accountEffortRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/:id/effort", {
      schema: { tags, summary: "The account's effort in a period (90 days to today by default): logged by source and person, interactions estimated", params: ZIdParams, querystring: ZEffortPeriodQuery, response: { 200: ZAccountEffort } },
    }, async (request) => effort.getAccountEffort({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, query: request.query }));
  };
}
