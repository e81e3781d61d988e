import { ZListVerbatimsQuery, ZPage, ZSurveyResults, ZSurveyResultsQuery, ZSurveyVerbatim } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as results from "./survey-results.service";

const tags = ["surveys"];

/** /api/survey-results: NPS, CSAT and response rates, and what customers wrote, over the accounts the caller sees. */
export function surveyResultsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "NPS and CSAT overall, per tier, per segment, per account and per month or quarter, with response rates", querystring: ZSurveyResultsQuery, response: { 200: ZSurveyResults } },
    }, async (request) => results.getSurveyResults({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.get("/verbatims", {
      schema: { tags, summary: "Comments and text answers, newest first; texts are returned as written (render them as text)", querystring: ZListVerbatimsQuery, response: { 200: ZPage(ZSurveyVerbatim) } },
    }, async (request) => results.listVerbatims({ db, scope: scopeOf(actorOf(request)), query: request.query }));
  };
}
