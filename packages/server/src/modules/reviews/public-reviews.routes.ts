import { ZPublicReview, ZPublicReviewAnswer, ZPublicReviewAnswerRequest, ZPublicReviewParams } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { keepAnswersPrivate } from "../../public-links/private-answers";
import type { ModuleDeps } from "../module";
import * as publicReviews from "./public-reviews.service";

const tags = ["public"];

/** /api/public/reviews/{token}: the customer's view of a 360° review, without signing in; the token is the only credential. */
export function publicReviewRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    keepAnswersPrivate(app);

    r.get("/:token", {
      config: { public: true },
      schema: {
        tags, summary: "The review behind a link: who asks and the criteria; 404 unknown, 409 already answered, 410 expired or closed, 429 too many requests",
        params: ZPublicReviewParams, response: { 200: ZPublicReview },
      },
    }, async (request) => publicReviews.getPublicReview({ db, token: request.params.token, ip: request.ip }));

    r.post("/:token/ratings", {
      config: { public: true },
      schema: {
        tags, summary: "The customer's ratings; the same submissionId again returns the same answer, another submission on an answered link 409",
        params: ZPublicReviewParams, body: ZPublicReviewAnswerRequest, response: { 200: ZPublicReviewAnswer },
      },
    }, async (request) => publicReviews.answerPublicReview({ db, token: request.params.token, ip: request.ip, input: request.body }));
  };
}
