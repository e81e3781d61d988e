import {
  ZComment,
  ZCommentListQuery,
  ZCommentPage,
  ZCreateCommentRequest,
  ZDeleteCommentQuery,
  ZIdParams,
  ZMentionableList,
  ZMentionableQuery,
  ZUpdateCommentRequest,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as comments from "./comments.service";

const tags = ["comments"];

/** /api/accounts/{id}/comments: comments on an account, or on one of its plans or cases. */
export function accountCommentsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/:id/comments", {
      schema: {
        tags, summary: "Comments on the account (default) or on one of its plans or cases, newest first",
        params: ZIdParams, querystring: ZCommentListQuery, response: { 200: ZCommentPage },
      },
    }, async (request) => comments.listComments({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, query: request.query }));

    r.post("/:id/comments", {
      schema: {
        tags, summary: "Add a plain-text comment; everyone mentioned who can see the account is notified",
        params: ZIdParams, body: ZCreateCommentRequest, response: { 201: ZComment },
      },
    }, async (request, reply) => {
      const comment = await comments.createComment({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body });
      setEtag(reply, comment.version);
      return reply.code(201).send(comment);
    });

    r.get("/:id/comments/mentionable", {
      schema: {
        tags, summary: "People who can be mentioned in the account's comments (active members; those who can see the account first)",
        params: ZIdParams, querystring: ZMentionableQuery, response: { 200: ZMentionableList },
      },
    }, async (request) => comments.listMentionable({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, q: request.query.q }));
  };
}

/** /api/comments/{id}: edit or delete one comment. */
export function commentsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.patch("/:id", {
      schema: {
        tags, summary: "Edit your own comment; send If-Match (412 when stale) or version (409 when stale)",
        params: ZIdParams, body: ZUpdateCommentRequest, response: { 200: ZComment },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const comment = await comments.updateComment({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, comment.version);
      return comment;
    });

    r.delete("/:id", {
      schema: {
        tags, summary: "Delete your own comment (admins: any); send If-Match (412 when stale) or ?version= (409 when stale)",
        params: ZIdParams, querystring: ZDeleteCommentQuery, response: { 204: z.null() },
      },
    }, async (request, reply) => {
      await comments.deleteComment({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected: expectedVersion(request, request.query.version) });
      return reply.code(204).send(null);
    });
  };
}
