import { ZAccountSummary, ZActivityPage, ZIdParams, ZListActivityQuery, ZProductMix, ZProductMixQuery } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as summary from "./summary.service";

const tags = ["accounts"];

/** /api/accounts/{id}/summary, /activity and /product-mix: the account 360 page in one request each. */
export function summaryRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/:id/summary", {
      schema: {
        tags, summary: "Account 360: revenue by month (24 months), growth, last/next interaction, open tasks, top contacts, team",
        params: ZIdParams, response: { 200: ZAccountSummary },
      },
    }, async (request) => summary.getAccountSummary({ db, scope: scopeOf(actorOf(request)), id: request.params.id }));

    r.get("/:id/activity", {
      schema: {
        tags, summary: "The audit trail of the account and its contacts, orders, interactions and tasks, newest first",
        params: ZIdParams, querystring: ZListActivityQuery, response: { 200: ZActivityPage },
      },
    }, async (request) => summary.listAccountActivityPage({ db, scope: scopeOf(actorOf(request)), id: request.params.id, query: request.query }));

    r.get("/:id/product-mix", {
      schema: {
        tags, summary: "The account's top 8 products by order line revenue over the last months (default 12), the rest summed apart",
        params: ZIdParams, querystring: ZProductMixQuery, response: { 200: ZProductMix },
      },
    }, async (request) => summary.getProductMix({ db, scope: scopeOf(actorOf(request)), id: request.params.id, query: request.query }));
  };
}
