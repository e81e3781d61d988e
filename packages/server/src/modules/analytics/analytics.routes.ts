import {
  ZAccountAnalytics, ZAnalysisResultsExportQuery, ZAnalysisResultsQuery, ZAnalysisRun, ZAnalysisRunDetail, ZAnalysisRunPage, ZAnalysisRunParams, ZCompareRunsParams,
  ZCreateAnalysisRunRequest, ZCreateIdentificationRequest, ZIdentification, ZIdParams, ZListAnalysisRunsQuery, ZPromoteAccountsRequest, ZPromoteAccountsResult, ZRunComparison,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { sendCsv } from "../../http/csv-download";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as analytics from "./analytics.service";

const tags = ["analytics"];

/** /api/analytics: analysis runs (stored snapshots), their results, comparisons and promotions. */
export function analyticsRoutes({ db, jobs }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post("/runs", {
      schema: { tags, summary: "Start an analysis run (202; it runs in the background, poll the Location)", body: ZCreateAnalysisRunRequest, response: { 202: ZAnalysisRun } },
    }, async (request, reply) => {
      const run = await analytics.createRun({ db, scope: scopeOf(actorOf(request)), jobs, input: request.body });
      return reply.code(202).header("location", `/api/analytics/runs/${run.id}`).send(run);
    });

    r.post("/identifications", {
      schema: {
        tags, summary: "Start an identification: RFM, Pareto and matrix runs, then a selection by the rule given or the latest selection's, as of one date (202; one background job makes them in turn, poll each run)",
        body: ZCreateIdentificationRequest, response: { 202: ZIdentification },
      },
    }, async (request, reply) => reply.code(202).send(await analytics.createIdentification({ db, scope: scopeOf(actorOf(request)), jobs, input: request.body })));

    r.get("/runs", {
      schema: { tags, summary: "List analysis runs, newest first", querystring: ZListAnalysisRunsQuery, response: { 200: ZAnalysisRunPage } },
    }, async (request) => analytics.listRuns({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.get("/runs/:id", {
      schema: {
        tags, summary: "A run and one page of its per-account results (only accounts you can see)",
        params: ZAnalysisRunParams, querystring: ZAnalysisResultsQuery, response: { 200: ZAnalysisRunDetail },
      },
    }, async (request) => analytics.getRun({ db, scope: scopeOf(actorOf(request)), id: request.params.id, query: request.query }));

    r.get("/runs/:id/results.csv", {
      schema: {
        tags, summary: "A succeeded run's results as CSV: every result you can see (of one group when asked), best-ranked first, with the figures of its kind (422 before it has succeeded)",
        params: ZAnalysisRunParams, querystring: ZAnalysisResultsExportQuery, response: { 200: z.any() },
      },
    }, async (request, reply) => {
      const { fileName, lines } = await analytics.exportRun({ db, scope: scopeOf(actorOf(request)), id: request.params.id, ...(request.query.group ? { group: request.query.group } : {}) });
      return sendCsv(reply, fileName, lines);
    });

    r.delete("/runs/:id", {
      schema: {
        tags, summary: "Delete a finished run and its results (directors and admins: any run; account managers: their own). 409 while it is queued or running, or when accounts were promoted from it",
        params: ZAnalysisRunParams, response: { 204: z.null() },
      },
    }, async (request, reply) => {
      await analytics.deleteRun({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      return reply.code(204).send(null);
    });

    r.get("/runs/:id/compare/:otherId", {
      schema: { tags, summary: "Compare two runs of the same kind: accounts moving between groups", params: ZCompareRunsParams, response: { 200: ZRunComparison } },
    }, async (request) => analytics.compareRuns({ db, scope: scopeOf(actorOf(request)), id: request.params.id, otherId: request.params.otherId }));

    r.post("/runs/:id/promote", {
      schema: {
        tags, summary: "Move accounts to a tier based on a run, with the reason (all or none; kept in each account's tier history)",
        params: ZAnalysisRunParams, body: ZPromoteAccountsRequest, response: { 200: ZPromoteAccountsResult },
      },
    }, async (request) => analytics.promoteFromRun({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body }));
  };
}

/** /api/accounts/{id}/analytics: the account's latest figures, for its 360° page. */
export function accountAnalyticsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/:id/analytics", {
      schema: { tags, summary: "The account's CLV, RFM segment, quadrant and ABC class from the latest succeeded run of each kind", params: ZIdParams, response: { 200: ZAccountAnalytics } },
    }, async (request) => analytics.accountAnalytics({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id }));
  };
}
