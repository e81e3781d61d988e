import {
  ZCreateSurveyRequest, ZCreateSurveyScheduleRequest, ZDeleteSurveyQuery, ZIdParams, ZListSurveyInvitationsQuery, ZPage, ZSendSurveyRequest, ZSurvey,
  ZSurveyInvitation, ZSurveyLink, ZSurveySchedule, ZSurveySendResult, ZUpdateSurveyRequest, ZUpdateSurveyScheduleRequest,
} from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { createMailer } from "../../mail/mailer";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as sending from "./survey-sends.service";
import * as surveys from "./surveys.service";

const tags = ["surveys"];

/** /api/surveys: the survey builder, schedules, sending and invitations. */
export function surveysRoutes({ db, config }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const mailer = createMailer(config);
    app.addHook("onClose", async () => mailer.close());
    const scope = (request: Parameters<typeof actorOf>[0]) => scopeOf(actorOf(request));

    r.get("/", { schema: { tags, summary: "Surveys, active first, with their invitation counts", response: { 200: z.object({ items: z.array(ZSurvey) }) } } },
      async (request) => ({ items: await surveys.listSurveys({ db, scope: scope(request) }) }));

    r.post("/", { schema: { tags, summary: "Create a survey (directors and admins)", body: ZCreateSurveyRequest, response: { 201: ZSurvey } } },
      async (request, reply) => {
        const survey = await surveys.createSurvey({ db, scope: scope(request), input: request.body });
        setEtag(reply, survey.version);
        return reply.code(201).send(survey);
      });

    r.get("/:id", { schema: { tags, summary: "A survey and its latest definition", params: ZIdParams, response: { 200: ZSurvey } } },
      async (request, reply) => {
        const survey = await surveys.getSurvey({ db, scope: scope(request), id: request.params.id });
        setEtag(reply, survey.version);
        return survey;
      });

    r.patch("/:id", {
      schema: { tags, summary: "Change a survey (a new version) or archive it; If-Match (412) or version (409)", params: ZIdParams, body: ZUpdateSurveyRequest, response: { 200: ZSurvey } },
    }, async (request, reply) => {
      const survey = await surveys.updateSurvey({ db, scope: scope(request), id: request.params.id, input: request.body, expected: expectedVersion(request, request.body.version) });
      setEtag(reply, survey.version);
      return survey;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete a survey nobody was invited to (409 otherwise: archive it)", params: ZIdParams, querystring: ZDeleteSurveyQuery, response: { 204: z.null() } },
    }, async (request, reply) => {
      await surveys.deleteSurvey({ db, scope: scope(request), id: request.params.id, expected: expectedVersion(request, request.query.version) });
      return reply.code(204).send(null);
    });

    r.get("/:id/schedules", { schema: { tags, summary: "The survey's schedules and their next send dates", params: ZIdParams, response: { 200: z.object({ items: z.array(ZSurveySchedule) }) } } },
      async (request) => ({ items: await surveys.listSchedules({ db, scope: scope(request), surveyId: request.params.id }) }));

    r.post("/:id/schedules", {
      schema: { tags, summary: "Send the survey every month, quarter, half-year or year to an account, a tier or the programme cohort", params: ZIdParams, body: ZCreateSurveyScheduleRequest, response: { 201: ZSurveySchedule } },
    }, async (request, reply) => {
      const schedule = await surveys.createSchedule({ db, scope: scope(request), surveyId: request.params.id, input: request.body });
      setEtag(reply, schedule.version);
      return reply.code(201).send(schedule);
    });

    r.patch("/schedules/:id", {
      schema: { tags, summary: "Change or pause a schedule; If-Match (412) or version (409)", params: ZIdParams, body: ZUpdateSurveyScheduleRequest, response: { 200: ZSurveySchedule } },
    }, async (request, reply) => {
      const schedule = await surveys.updateSchedule({ db, scope: scope(request), id: request.params.id, input: request.body, expected: expectedVersion(request, request.body.version) });
      setEtag(reply, schedule.version);
      return schedule;
    });

    r.delete("/schedules/:id", {
      schema: { tags, summary: "Remove a schedule (what it sent stays)", params: ZIdParams, querystring: ZDeleteSurveyQuery, response: { 204: z.null() } },
    }, async (request, reply) => {
      await surveys.deleteSchedule({ db, scope: scope(request), id: request.params.id, expected: expectedVersion(request, request.query.version) });
      return reply.code(204).send(null);
    });

    r.post("/:id/sends", {
      schema: { tags, summary: "Send now: invite the contacts (with an e-mail address) of an account, a tier or the programme cohort, and e-mail them", params: ZIdParams, body: ZSendSurveyRequest, response: { 201: ZSurveySendResult } },
    }, async (request, reply) => reply.code(201).send(await sending.sendSurvey({ db, scope: scope(request), surveyId: request.params.id, input: request.body, mailer, config })));

    r.get("/:id/invitations", {
      schema: { tags, summary: "Who was invited, newest first, for the accounts you see", params: ZIdParams, querystring: ZListSurveyInvitationsQuery, response: { 200: ZPage(ZSurveyInvitation) } },
    }, async (request) => sending.listInvitations({ db, scope: scope(request), surveyId: request.params.id, query: request.query }));

    r.post("/invitations/:id/link", {
      schema: { tags, summary: "A new link for an invitation, to hand over yourself; the previous link stops working", params: ZIdParams, response: { 201: ZSurveyLink } },
    }, async (request, reply) => reply.code(201).send(await sending.createInvitationLink({ db, scope: scope(request), id: request.params.id, config })));
  };
}
