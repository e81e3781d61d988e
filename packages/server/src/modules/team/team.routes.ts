import { ZPutTeamMemberRequest, ZTeamList, ZTeamMember, ZTeamMemberParams, ZTeamParams } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as team from "./team.service";

const tags = ["team"];

/** /api/accounts/{id}/team: who works on an account, in which role and with how much of their time. */
export function teamRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/:id/team", {
      schema: { tags, summary: "List the team of an account", params: ZTeamParams, response: { 200: ZTeamList } },
    }, async (request) => team.listTeam({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id }));

    r.put("/:id/team/:userId", {
      schema: {
        tags, summary: "Add a user to the team or change their role and allocation (201 when added, 200 when changed)",
        params: ZTeamMemberParams, body: ZPutTeamMemberRequest, response: { 200: ZTeamMember, 201: ZTeamMember },
      },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.body.version !== undefined ? expectedVersion(request, request.body.version) : undefined;
      const { member, created } = await team.putTeamMember({
        db, scope: scopeOf(actorOf(request)), accountId: request.params.id, userId: request.params.userId, input: request.body, expected,
      });
      setEtag(reply, member.version);
      return reply.code(created ? 201 : 200).send(member);
    });

    r.delete("/:id/team/:userId", {
      schema: { tags, summary: "Remove a user from the team of an account", params: ZTeamMemberParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] ? expectedVersion(request, undefined) : undefined;
      await team.removeTeamMember({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, userId: request.params.userId, expected });
      return reply.code(204).send(null);
    });
  };
}
