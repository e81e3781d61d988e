import {
  ZCaseActionRequest, ZCaseDetail, ZCaseList, ZCaseListQuery, ZCreateCaseRequest, ZCreateCaseTaskRequest, ZIdParams, ZPutServiceCalendarRequest,
  ZPutServiceScopeRequest, ZPutSlaPolicyRequest, ZServiceCalendar, ZServiceMetrics, ZServiceMetricsQuery, ZServiceScope, ZSlaPolicy, ZSlaPolicyList,
  ZSlaPolicyParams, ZTask, ZUpdateCaseRequest,
} from "@openkam/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as service from "./service.service";

const tags = ["service"];
const VERSIONED = "send If-Match (412 when stale) or version (409 when stale), 0 the first time";

/** An action appends to a case's history: the version is checked only when the caller sends one. */
function optionalExpectedVersion(request: FastifyRequest, bodyVersion: number | undefined) {
  const header = request.headers["if-match"];
  return (typeof header === "string" && header.trim() !== "") || bodyVersion !== undefined ? expectedVersion(request, bodyVersion) : null;
}

/** /api/service: the organization's SLA targets, its service calendar and the response-time metrics. */
export function serviceRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/policies", {
      schema: { tags, summary: "SLA targets per tier and priority: the defaults with the organization's own", response: { 200: ZSlaPolicyList } },
    }, async (request) => service.listPolicies({ db, scope: scopeOf(actorOf(request)) }));

    r.put("/policies/:tier/:priority", {
      schema: {
        tags, summary: `Set the organization's targets for a tier and priority (directors and admins); ${VERSIONED}`,
        params: ZSlaPolicyParams, body: ZPutSlaPolicyRequest, response: { 200: ZSlaPolicy },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const policy = await service.putPolicy({ db, scope: scopeOf(actorOf(request)), ...request.params, input: request.body, expected });
      setEtag(reply, policy.version);
      return policy;
    });

    r.get("/calendar", {
      schema: { tags, summary: "The service calendar business-hour targets count in: zone, weekly hours, holidays (ETag = version)", response: { 200: ZServiceCalendar } },
    }, async (request, reply) => {
      const calendar = await service.getCalendar({ db, scope: scopeOf(actorOf(request)) });
      setEtag(reply, calendar.version);
      return calendar;
    });

    r.put("/calendar", {
      schema: { tags, summary: `Replace the service calendar (directors and admins); ${VERSIONED}`, body: ZPutServiceCalendarRequest, response: { 200: ZServiceCalendar } },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const calendar = await service.putCalendar({ db, scope: scopeOf(actorOf(request)), input: request.body, expected });
      setEtag(reply, calendar.version);
      return calendar;
    });

    r.get("/metrics", {
      schema: {
        tags, summary: "Monthly first-response and resolution times and SLA attainment, per tier or per account",
        querystring: ZServiceMetricsQuery, response: { 200: ZServiceMetrics },
      },
    }, async (request) => service.serviceMetrics({ db, scope: scopeOf(actorOf(request)), query: request.query }));
  };
}

/** /api/cases: support cases with their SLA clocks, replayed from each case's events on every read. */
export function casesRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "Cases on the accounts you may see, most recently opened first, with their SLA state", querystring: ZCaseListQuery, response: { 200: ZCaseList } },
    }, async (request) => service.listCases({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.post("/", {
      schema: { tags, summary: "Open a case on an account; its SLA clocks start at openedAt (default now)", body: ZCreateCaseRequest, response: { 201: ZCaseDetail } },
    }, async (request, reply) => {
      const created = await service.createCase({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, created.version);
      return reply.code(201).send(created);
    });

    r.get("/:id", {
      schema: { tags, summary: "A case with its history and SLA clocks (ETag = version)", params: ZIdParams, response: { 200: ZCaseDetail } },
    }, async (request, reply) => {
      const found = await service.getCase({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, found.version);
      return found;
    });

    r.patch("/:id", {
      schema: {
        tags, summary: "Change a case's title, description, priority or assignee; send If-Match (412) or version (409)",
        params: ZIdParams, body: ZUpdateCaseRequest, response: { 200: ZCaseDetail },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const updated = await service.updateCase({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, updated.version);
      return updated;
    });

    r.post("/:id/events", {
      schema: {
        tags, summary: "Record an action on a case: respond, wait_on_customer, customer_replied, resolve, reopen or note (409 when the status does not allow it)",
        params: ZIdParams, body: ZCaseActionRequest, response: { 201: ZCaseDetail },
      },
    }, async (request, reply) => {
      const expected = optionalExpectedVersion(request, request.body.version);
      const updated = await service.recordCaseAction({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, updated.version);
      return reply.code(201).send(updated);
    });

    r.post("/:id/tasks", {
      schema: { tags, summary: "Create a follow-up task on the case's account, linked to the case", params: ZIdParams, body: ZCreateCaseTaskRequest, response: { 201: ZTask } },
    }, async (request, reply) => {
      const task = await service.createCaseTask({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body });
      return reply.code(201).send(task);
    });
  };
}

/** /api/accounts/{id}/service-scope: what the account's contract includes. */
export function accountServiceScopeRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/:id/service-scope", {
      schema: { tags, summary: "The account's contracted service scope (ETag = version; 0 while none is recorded)", params: ZIdParams, response: { 200: ZServiceScope } },
    }, async (request, reply) => {
      const found = await service.getServiceScope({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id });
      setEtag(reply, found.version);
      return found;
    });

    r.put("/:id/service-scope", {
      schema: {
        tags, summary: `Replace the account's contracted service scope (account managers and up); ${VERSIONED}`,
        params: ZIdParams, body: ZPutServiceScopeRequest, response: { 200: ZServiceScope },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const saved = await service.putServiceScope({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body, expected });
      setEtag(reply, saved.version);
      return saved;
    });
  };
}
