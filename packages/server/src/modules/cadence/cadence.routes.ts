import {
  ZAccountCadence, ZIdParams, ZMyWeek, ZMyWeekQuery, ZOverdueAccountPage, ZOverdueCadenceQuery, ZPutAccountCadenceRequest, ZPutTierCadencePolicyRequest,
  ZTierCadencePolicy, ZTierCadencePolicyList, ZTierParams,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as cadence from "./cadence.service";

const tags = ["cadence"];

/** /api/cadence: how often each tier's accounts are visited, met by executives and reviewed, and who is behind. */
export function cadenceRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/policies", {
      schema: { tags, summary: "The cadence in effect per tier: the defaults with the organization's overrides", response: { 200: ZTierCadencePolicyList } },
    }, async (request) => cadence.listTierPolicies({ db, scope: scopeOf(actorOf(request)) }));

    r.put("/policies/:tier", {
      schema: {
        tags, summary: "Set the organization's cadence for a tier (directors and admins); send If-Match (412 when stale) or version (409 when stale), 0 the first time",
        params: ZTierParams, body: ZPutTierCadencePolicyRequest, response: { 200: ZTierCadencePolicy },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const policy = await cadence.putTierPolicy({ db, scope: scopeOf(actorOf(request)), tier: request.params.tier, input: request.body, expected });
      setEtag(reply, policy.version);
      return policy;
    });

    r.get("/overdue", {
      schema: {
        tags, summary: "Accounts with an overdue cadence (or one never kept past its grace), most overdue first (cursor pagination, filters)",
        querystring: ZOverdueCadenceQuery, response: { 200: ZOverdueAccountPage },
      },
    }, async (request) => cadence.listOverdue({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.get("/my-week", {
      schema: {
        tags, summary: "Your agenda for an ISO week: cadences due in it or overdue, on the accounts you own or are on the team of",
        querystring: ZMyWeekQuery, response: { 200: ZMyWeek },
      },
    }, async (request) => cadence.myWeek({ db, scope: scopeOf(actorOf(request)), query: request.query }));
  };
}

/** /api/accounts/{id}/cadence: one account's cadence, and its own overrides of its tier's. */
export function accountCadenceRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/:id/cadence", {
      schema: {
        tags, summary: "The account's cadence in effect and, per kind, the last interaction, the due day and the status (ETag = version of its overrides)",
        params: ZIdParams, response: { 200: ZAccountCadence },
      },
    }, async (request, reply) => {
      const result = await cadence.getAccountCadence({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id });
      setEtag(reply, result.version);
      return result;
    });

    r.put("/:id/cadence", {
      schema: {
        tags, summary: "Set the account's own cadence overrides; send If-Match (412 when stale) or version (409 when stale), 0 the first time",
        params: ZIdParams, body: ZPutAccountCadenceRequest, response: { 200: ZAccountCadence },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const result = await cadence.putAccountCadence({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body, expected });
      setEtag(reply, result.version);
      return result;
    });
  };
}
