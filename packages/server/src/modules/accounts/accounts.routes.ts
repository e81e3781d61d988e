import { ZAccount, ZAccountPage, ZChangeTierRequest, ZCreateAccountRequest, ZIdParams, ZListAccountsQuery, ZTierHistory, ZUpdateAccountRequest } from "@openkam/contracts";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { sendJsonText } from "../../http/json-text";
import { expectedVersion, setEtag } from "../../http/versioning";
import type { ModuleDeps } from "../module";
import { scopeOf } from "../../tenancy/scope";
import * as accounts from "./accounts.service";

const tags = ["accounts"];

/** /api/accounts: the exemplary module. Each handler: validate (schema) → authenticate (hook) → use case → present. */
export function accountsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "List accounts (cursor pagination, sort, filters)", querystring: ZListAccountsQuery, response: { 200: ZAccountPage } },
    }, async (request, reply) => {
      // The page arrives as JSON text written by the database (see accountJson): sent as it is.
      const page = await accounts.listAccounts({ db, scope: scopeOf(actorOf(request)), query: request.query });
      return sendJsonText(reply as FastifyReply, page);
    });

    r.post("/", {
      schema: { tags, summary: "Create an account", body: ZCreateAccountRequest, response: { 201: ZAccount } },
    }, async (request, reply) => {
      const account = await accounts.createAccount({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, account.version);
      return reply.code(201).header("location", `/api/accounts/${account.id}`).send(account);
    });

    r.get("/:id", {
      schema: { tags, summary: "Get an account (ETag = version)", params: ZIdParams, response: { 200: ZAccount } },
    }, async (request, reply) => {
      const account = await accounts.getAccount({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, account.version);
      return account;
    });

    r.patch("/:id", {
      schema: {
        tags, summary: "Update an account; send If-Match (412 when stale) or version (409 when stale)",
        params: ZIdParams, body: ZUpdateAccountRequest, response: { 200: ZAccount },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const account = await accounts.updateAccount({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, account.version);
      return account;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete an account (restorable for 30 days)", params: ZIdParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] ? expectedVersion(request, undefined) : undefined;
      await accounts.deleteAccount({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected });
      return reply.code(204).send(null);
    });

    r.post("/:id/tier", {
      schema: {
        tags, summary: "Move an account to a tier, with the reason (kept in the tier history); version or If-Match optional",
        params: ZIdParams, body: ZChangeTierRequest, response: { 200: ZAccount },
      },
    }, async (request, reply) => {
      const sent = request.headers["if-match"] !== undefined || request.body.version !== undefined;
      const expected = sent ? expectedVersion(request, request.body.version) : undefined;
      const account = await accounts.changeTier({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, account.version);
      return account;
    });

    r.get("/:id/tier-history", {
      schema: { tags, summary: "Every tier change of an account: who, when, from, to, why; newest first", params: ZIdParams, response: { 200: ZTierHistory } },
    }, async (request) => accounts.tierHistory({ db, scope: scopeOf(actorOf(request)), id: request.params.id }));

    r.post("/:id/restore", {
      schema: { tags, summary: "Restore an account deleted in the last 30 days", params: ZIdParams, response: { 200: ZAccount } },
    }, async (request, reply) => {
      const account = await accounts.restoreAccount({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, account.version);
      return account;
    });
  };
}
