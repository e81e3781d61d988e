import { ZIdParams, ZPutScorecardConfigRequest, ZScorecard, ZScorecardConfigResponse, ZScorecardManagerParams, ZScorecardQuery } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import { scorecardOf } from "./kpis.service";
import * as scorecards from "./scorecards.service";

const tags = ["scorecards"];

/** /api/scorecards: the balanced scorecard per account, per account manager and for the programme, and its configuration. */
export function scorecardsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/config", { schema: { tags, summary: "The scorecard configuration in force (version 0: the default)", response: { 200: ZScorecardConfigResponse } } },
      async (request, reply) => {
        const config = await scorecards.getScorecardConfig({ db, scope: scopeOf(actorOf(request)) });
        setEtag(reply, config.version);
        return config;
      });

    r.put("/config", {
      schema: {
        tags, summary: "Save a new version of the configuration; directors and admins. If-Match (412) or version (409) required",
        body: ZPutScorecardConfigRequest, response: { 200: ZScorecardConfigResponse },
      },
    }, async (request, reply) => {
      const { version, ...input } = request.body;
      const saved = await scorecards.putScorecardConfig({ db, scope: scopeOf(actorOf(request)), input, expected: expectedVersion(request, version) });
      setEtag(reply, saved.version);
      return saved;
    });

    r.get("/programme", { schema: { tags, summary: "The programme's scorecard: its cohort (or all strategic and key accounts), as far as you see it", querystring: ZScorecardQuery, response: { 200: ZScorecard } } },
      async (request) => scorecardOf({ db, scope: scopeOf(actorOf(request)), subject: { kind: "programme" }, quarter: request.query.quarter }));

    r.get("/account/:id", { schema: { tags, summary: "An account's scorecard", params: ZIdParams, querystring: ZScorecardQuery, response: { 200: ZScorecard } } },
      async (request) => scorecardOf({ db, scope: scopeOf(actorOf(request)), subject: { kind: "account", accountId: request.params.id }, quarter: request.query.quarter }));

    r.get("/manager/:userId", {
      schema: { tags, summary: "An account manager's scorecard over the accounts they own; your own, or anyone's for directors", params: ZScorecardManagerParams, querystring: ZScorecardQuery, response: { 200: ZScorecard } },
    }, async (request) => scorecardOf({ db, scope: scopeOf(actorOf(request)), subject: { kind: "manager", userId: request.params.userId }, quarter: request.query.quarter }));
  };
}
