import { ZPublicSurvey, ZPublicSurveyParams, ZPublicSurveyQuery, ZSubmitSurveyResponseRequest, ZSurveyResponseReceipt } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { keepAnswersPrivate } from "../../public-links/private-answers";
import type { ModuleDeps } from "../module";
import * as publicSurveys from "./public-surveys.service";

const tags = ["public"];

/**
 * /api/public/surveys/{token}: what a customer's link shows and sends, without signing in. The
 * token is the only credential; every answer about it is rate-limited and says nothing about
 * other links or organizations.
 */
export function publicSurveyRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    keepAnswersPrivate(app);

    r.get("/:token", {
      config: { public: true },
      schema: {
        tags, summary: "The survey behind a link, in the invitation's language (or ?lang=); 404 unknown, 409 already answered, 410 expired, 429 too many requests",
        params: ZPublicSurveyParams, querystring: ZPublicSurveyQuery, response: { 200: ZPublicSurvey },
      },
    }, async (request) => publicSurveys.getPublicSurvey({ db, token: request.params.token, ip: request.ip, language: request.query.lang }));

    r.post("/:token/responses", {
      config: { public: true },
      schema: {
        tags, summary: "Answer; the same submissionId again returns the same receipt (200), another submission on an answered link 409",
        params: ZPublicSurveyParams, body: ZSubmitSurveyResponseRequest, response: { 200: ZSurveyResponseReceipt },
      },
    }, async (request) => publicSurveys.submitPublicResponse({ db, token: request.params.token, ip: request.ip, input: request.body }));
  };
}
