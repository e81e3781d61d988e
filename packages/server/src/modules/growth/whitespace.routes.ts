import {
  ZBusinessUnit, ZBusinessUnitParams, ZCreateBusinessUnitRequest, ZGrowthDeleteQuery, ZIdParams, ZPutWhitespaceCellsRequest, ZUpdateBusinessUnitRequest, ZWhitespaceMap,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as service from "./whitespace.service";

const tags = ["growth"];

/** /api/accounts/{id}/whitespace and /api/accounts/{id}/business-units. */
export function whitespaceRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/:id/whitespace", {
      schema: { tags, summary: "Products × the account's business units and sites: bought, in pipeline, opportunity or not relevant, with estimated values", params: ZIdParams, response: { 200: ZWhitespaceMap } },
    }, async (request) => service.getWhitespaceMap({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id }));

    r.put("/:id/whitespace/cells", {
      schema: { tags, summary: "Set opportunity / not relevant / bought and the estimated value on cells, all or nothing; answers the map", params: ZIdParams, body: ZPutWhitespaceCellsRequest, response: { 200: ZWhitespaceMap } },
    }, async (request) => service.putWhitespaceCells({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body }));

    r.get("/:id/business-units", {
      schema: { tags, summary: "The account's business units and sites", params: ZIdParams, response: { 200: z.object({ items: z.array(ZBusinessUnit) }) } },
    }, async (request) => service.listBusinessUnits({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id }));

    r.post("/:id/business-units", {
      schema: { tags, summary: "Add a business unit or site", params: ZIdParams, body: ZCreateBusinessUnitRequest, response: { 201: ZBusinessUnit } },
    }, async (request, reply) => {
      const unit = await service.createBusinessUnit({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body });
      setEtag(reply, unit.version);
      return reply.code(201).send(unit);
    });

    r.patch("/:id/business-units/:unitId", {
      schema: { tags, summary: "Rename a business unit or site; If-Match or version required", params: ZBusinessUnitParams, body: ZUpdateBusinessUnitRequest, response: { 200: ZBusinessUnit } },
    }, async (request, reply) => {
      const unit = await service.updateBusinessUnit({
        db, scope: scopeOf(actorOf(request)), accountId: request.params.id, unitId: request.params.unitId, input: request.body, expected: expectedVersion(request, request.body.version),
      });
      setEtag(reply, unit.version);
      return unit;
    });

    r.delete("/:id/business-units/:unitId", {
      schema: { tags, summary: "Remove a business unit or site with its whitespace cells; its opportunities stay on the account", params: ZBusinessUnitParams, querystring: ZGrowthDeleteQuery, response: { 204: z.null() } },
    }, async (request, reply) => {
      await service.deleteBusinessUnit({
        db, scope: scopeOf(actorOf(request)), accountId: request.params.id, unitId: request.params.unitId, expected: expectedVersion(request, request.query.version),
      });
      return reply.code(204).send(null);
    });
  };
}
