import { ZDeleteRelationshipQuery, ZIdParams, ZPutRelationshipRequest, ZRelationshipParams, ZStakeholderMap, ZStakeholderRelationship } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as stakeholders from "./stakeholders.service";

const tags = ["stakeholders"];

/** /api/accounts/{id}/stakeholder-map: the account's people, who on our side knows them, and the gaps. */
export function stakeholderMapRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/:id/stakeholder-map", {
      schema: {
        tags, summary: "The account's contacts with their reporting lines, our relationships with them, when they were last met, and coverage warnings",
        params: ZIdParams, response: { 200: ZStakeholderMap },
      },
    }, async (request) => stakeholders.getStakeholderMap({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id }));
  };
}

/** /api/contacts/{contactId}/relationships/{userId}: who on our side owns the relationship with a contact. */
export function relationshipRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.put("/:contactId/relationships/:userId", {
      schema: {
        tags, summary: "Record or change a relationship (201 when recorded, 200 when changed); If-Match (412 when stale) or version (409 when stale) is optional, 0 for a new one",
        params: ZRelationshipParams, body: ZPutRelationshipRequest, response: { 200: ZStakeholderRelationship, 201: ZStakeholderRelationship },
      },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.body.version !== undefined ? expectedVersion(request, request.body.version) : undefined;
      const { relationship, created } = await stakeholders.putRelationship({
        db, scope: scopeOf(actorOf(request)), contactId: request.params.contactId, userId: request.params.userId, input: request.body, expected,
      });
      setEtag(reply, relationship.version);
      return reply.code(created ? 201 : 200).send(relationship);
    });

    r.delete("/:contactId/relationships/:userId", {
      schema: {
        tags, summary: "Remove a relationship; send If-Match (412 when stale) or ?version= (409 when stale)",
        params: ZRelationshipParams, querystring: ZDeleteRelationshipQuery, response: { 204: z.null() },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.query.version);
      await stakeholders.deleteRelationship({ db, scope: scopeOf(actorOf(request)), contactId: request.params.contactId, userId: request.params.userId, expected });
      return reply.code(204).send(null);
    });
  };
}
