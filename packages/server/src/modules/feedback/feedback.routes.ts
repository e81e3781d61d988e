import {
  ZCreateFeedbackRequest, ZDeleteFeedbackQuery, ZFeedbackDetail, ZFeedbackMetrics, ZFeedbackMetricsQuery, ZFeedbackPage, ZFeedbackReportQuery,
  ZFeedbackTransitionRequest, ZIdParams, ZListFeedbackQuery, ZUpdateFeedbackRequest, ZYouSaidWeDid,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import { getFeedbackMetrics, getFeedbackReport } from "./feedback-metrics.service";
import * as feedback from "./feedback.service";

const tags = ["feedback"];

/** /api/feedback: the closed feedback loop. */
export function feedbackRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "Feedback items the caller sees, newest first", querystring: ZListFeedbackQuery, response: { 200: ZFeedbackPage } },
    }, async (request) => feedback.listFeedback({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.post("/", {
      schema: { tags, summary: "Record feedback from an interaction, a case, an e-mail or by hand", body: ZCreateFeedbackRequest, response: { 201: ZFeedbackDetail } },
    }, async (request, reply) => {
      const item = await feedback.createFeedback({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, item.version);
      return reply.code(201).send(item);
    });

    r.get("/metrics", {
      schema: { tags, summary: "Time in each state, open by state, overdue and closure time over the items raised in a period", querystring: ZFeedbackMetricsQuery, response: { 200: ZFeedbackMetrics } },
    }, async (request) => getFeedbackMetrics({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.get("/:id", {
      schema: { tags, summary: "One item with its transitions, time in each state and the moves allowed next", params: ZIdParams, response: { 200: ZFeedbackDetail } },
    }, async (request, reply) => {
      const item = await feedback.getFeedback({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, item.version);
      return item;
    });

    r.patch("/:id", {
      schema: { tags, summary: "Change an item's facts; send If-Match (412 when stale) or version (409 when stale)", params: ZIdParams, body: ZUpdateFeedbackRequest, response: { 200: ZFeedbackDetail } },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const item = await feedback.updateFeedback({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, item.version);
      return item;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete an item (directors and admins); If-Match or ?version= optional", params: ZIdParams, querystring: ZDeleteFeedbackQuery, response: { 204: z.null() } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.query.version !== undefined ? expectedVersion(request, request.query.version) : undefined;
      await feedback.deleteFeedback({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected });
      return reply.code(204).send(null);
    });

    r.post("/:id/transitions", {
      schema: {
        tags, summary: "Move the item one step through the loop; planning takes the task, informing and reopening a note. If-Match or version optional",
        params: ZIdParams, body: ZFeedbackTransitionRequest, response: { 200: ZFeedbackDetail },
      },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.body.version !== undefined ? expectedVersion(request, request.body.version) : undefined;
      const item = await feedback.transitionFeedback({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, item.version);
      return item;
    });
  };
}

/** /api/accounts/{id}/feedback/report: "you said, we did". */
export function accountFeedbackRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/:id/feedback/report", {
      schema: { tags, summary: "You said, we did: the account's feedback closed in a period and what was done", params: ZIdParams, querystring: ZFeedbackReportQuery, response: { 200: ZYouSaidWeDid } },
    }, async (request) => getFeedbackReport({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, query: request.query }));
  };
}
