import {
  ZAnswerReviewRequest, ZCloseReviewCycleRequest, ZCreatedReviewCycle, ZCreateReviewCycleRequest, ZCustomerLink, ZIdParams, ZIssueCustomerLinkRequest,
  ZPendingReviewList, ZPutReviewSettingsRequest, ZReviewCycleDetail, ZReviewCycleList, ZReviewSettings,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { createMailer } from "../../mail/mailer";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as reviews from "./reviews.service";

const tags = ["reviews"];

/** /api/reviews: 360° reviews of account relationships, their settings and the caller's pending answers. */
export function reviewsRoutes({ db, config }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const mailer = createMailer(config);
    app.addHook("onClose", async () => mailer.close());
    const delivery = { mailer, publicUrl: config.publicUrl, log: app.log };

    r.get("/settings", {
      schema: { tags, summary: "The review criteria and gap threshold (the defaults until a director saves them, version 0)", response: { 200: ZReviewSettings } },
    }, async (request, reply) => {
      const settings = await reviews.getSettings({ db, scope: scopeOf(actorOf(request)) });
      setEtag(reply, settings.version);
      return settings;
    });

    r.put("/settings", {
      schema: { tags, summary: "Set the criteria and gap threshold for new reviews (directors and admins); If-Match or version optional, 0 the first time", body: ZPutReviewSettingsRequest, response: { 200: ZReviewSettings } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.body.version !== undefined ? expectedVersion(request, request.body.version) : undefined;
      const settings = await reviews.putSettings({ db, scope: scopeOf(actorOf(request)), input: request.body, expected });
      setEtag(reply, settings.version);
      return settings;
    });

    r.get("/pending", {
      schema: { tags, summary: "Reviews waiting for your answer, oldest first", response: { 200: ZPendingReviewList } },
    }, async (request) => reviews.listPending({ db, scope: scopeOf(actorOf(request)) }));

    r.get("/:id", {
      schema: { tags, summary: "A review: progress per view, the results per criterion with the gaps between views, and the comments", params: ZIdParams, response: { 200: ZReviewCycleDetail } },
    }, async (request, reply) => {
      const cycle = await reviews.getCycle({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, cycle.version);
      return cycle;
    });

    r.post("/:id/ratings", {
      schema: { tags, summary: "Your answer to a review you are invited to (once; 409 when already answered or closed)", params: ZIdParams, body: ZAnswerReviewRequest, response: { 200: ZReviewCycleDetail } },
    }, async (request) => reviews.answerReview({ db, scope: scopeOf(actorOf(request)), cycleId: request.params.id, input: request.body }));

    r.post("/:id/customer-link", {
      schema: {
        tags, summary: "A new link for the customer (shown once; the previous link stops working), e-mailed when asked and SMTP is configured (directors and admins)",
        params: ZIdParams, body: ZIssueCustomerLinkRequest, response: { 200: ZCustomerLink },
      },
    }, async (request) => reviews.issueCustomerLink({ db, scope: scopeOf(actorOf(request)), cycleId: request.params.id, input: request.body, delivery }));

    r.post("/:id/close", {
      schema: { tags, summary: "Close a review: no more answers (directors and admins); send If-Match or version", params: ZIdParams, body: ZCloseReviewCycleRequest, response: { 200: ZReviewCycleDetail } },
    }, async (request, reply) => {
      const cycle = await reviews.closeCycle({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected: expectedVersion(request, request.body.version) });
      setEtag(reply, cycle.version);
      return cycle;
    });
  };
}

/** /api/accounts/{id}/reviews: an account's reviews, and starting one. */
export function accountReviewsRoutes({ db, config }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const mailer = createMailer(config);
    app.addHook("onClose", async () => mailer.close());
    const delivery = { mailer, publicUrl: config.publicUrl, log: app.log };

    r.get("/:id/reviews", {
      schema: { tags, summary: "The account's 360° reviews, newest period first", params: ZIdParams, response: { 200: ZReviewCycleList } },
    }, async (request) => reviews.listAccountCycles({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id }));

    r.post("/:id/reviews", {
      schema: {
        tags, summary: "Start a 360° review (directors and admins): invites the team, the KAM lead and the directors in the app, and the customer by a link shown once",
        params: ZIdParams, body: ZCreateReviewCycleRequest, response: { 201: ZCreatedReviewCycle },
      },
    }, async (request, reply) => {
      const created = await reviews.createCycle({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body, delivery });
      setEtag(reply, created.cycle.version);
      return reply.code(201).send(created);
    });
  };
}
