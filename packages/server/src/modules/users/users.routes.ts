import { ZCreateUserRequest, ZIdParams, ZListUsersQuery, ZUpdateUserRequest, ZUser, ZUserOptions, ZUserPage } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as users from "./users.service";

const tags = ["users"];

/** /api/users: the organization's members. Admins manage them; directors may list them. */
export function usersRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "List the organization's members (admins and directors)", querystring: ZListUsersQuery, response: { 200: ZUserPage } },
    }, async (request) => users.listUsers({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.get("/options", {
      schema: { tags, summary: "Active members' ids and names, for owner and assignee pickers (any member)", response: { 200: ZUserOptions } },
    }, async (request) => users.listUserOptions({ db, scope: scopeOf(actorOf(request)) }));

    r.post("/", {
      schema: {
        tags, summary: "Add a member (admins); a person who already has an account joins with their own password",
        body: ZCreateUserRequest, response: { 201: ZUser },
      },
    }, async (request, reply) => {
      const user = await users.createUser({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, user.version);
      return reply.code(201).header("location", `/api/users/${user.id}`).send(user);
    });

    r.get("/:id", {
      schema: { tags, summary: "Get a member (ETag = membership version)", params: ZIdParams, response: { 200: ZUser } },
    }, async (request, reply) => {
      const user = await users.getUser({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, user.version);
      return user;
    });

    r.patch("/:id", {
      schema: {
        tags, summary: "Change a member's role or (de)activate them (admins); ends their sessions and API tokens at once",
        params: ZIdParams, body: ZUpdateUserRequest, response: { 200: ZUser },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const user = await users.updateUser({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, user.version);
      return user;
    });
  };
}
