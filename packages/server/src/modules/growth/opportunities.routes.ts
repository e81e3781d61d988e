import { ZCreateOpportunityRequest, ZGrowthDeleteQuery, ZIdParams, ZOpportunity, ZOpportunityList, ZPipelineQuery, ZUpdateOpportunityRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as service from "./opportunities.service";

const tags = ["growth"];

/** /api/accounts/{id}/opportunities: an account's pipeline. */
export function accountOpportunityRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/:id/opportunities", {
      schema: { tags, summary: "The account's opportunities with totals per stage and the weighted open pipeline per currency", params: ZIdParams, response: { 200: ZOpportunityList } },
    }, async (request) => service.listAccountOpportunities({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id }));

    r.post("/:id/opportunities", {
      schema: { tags, summary: "Add an opportunity to the account", params: ZIdParams, body: ZCreateOpportunityRequest, response: { 201: ZOpportunity } },
    }, async (request, reply) => {
      const opportunity = await service.createOpportunity({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body });
      setEtag(reply, opportunity.version);
      return reply.code(201).send(opportunity);
    });
  };
}

/** /api/opportunities: the pipeline across accounts, and one opportunity. */
export function opportunityRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/", {
      schema: { tags, summary: "Opportunities of the accounts you see, soonest close first, with totals by stage over everything matched", querystring: ZPipelineQuery, response: { 200: ZOpportunityList } },
    }, async (request) => service.listPipeline({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.patch("/:id", {
      schema: { tags, summary: "Change an opportunity; send If-Match (412 when stale) or version (409 when stale)", params: ZIdParams, body: ZUpdateOpportunityRequest, response: { 200: ZOpportunity } },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const opportunity = await service.updateOpportunity({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, opportunity.version);
      return opportunity;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete an opportunity; send If-Match (412 when stale) or ?version= (409 when stale)", params: ZIdParams, querystring: ZGrowthDeleteQuery, response: { 204: z.null() } },
    }, async (request, reply) => {
      await service.deleteOpportunity({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected: expectedVersion(request, request.query.version) });
      return reply.code(204).send(null);
    });
  };
}
