import {
  ZCreatePlanRequest, ZDeletePlanQuery, ZIdParams, ZPlan, ZPlanList, ZPlanPdfQuery, ZPlanTemplateList, ZPlanTemplatesQuery,
  ZPlanTransitionRequest, ZPlanVersion, ZPlanVersionList, ZPlanVersionParams, ZUpdatePlanRequest,
} from "@openkam/contracts";
import type { PlanTransition } from "@openkam/domain/plans/index";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import { renderPlanPdf } from "./plans.pdf";
import * as plans from "./plans.service";

const tags = ["plans"];

/** /api/plan-templates: the templates a plan starts from. */
export function planTemplatesRoutes() {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/", {
      schema: { tags, summary: "The templates a plan can start from, named in the requested language", querystring: ZPlanTemplatesQuery, response: { 200: ZPlanTemplateList } },
    }, async (request) => ({ items: plans.listTemplates(request.query.lang) }));
  };
}

/** /api/accounts/{id}/plans: an account's plans. */
export function accountPlansRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/:id/plans", {
      schema: { tags, summary: "The account's plans, latest period first", params: ZIdParams, response: { 200: ZPlanList } },
    }, async (request) => plans.listPlans({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id }));

    r.post("/:id/plans", {
      schema: { tags, summary: "Create a plan from a template (version 1, draft); the template's actions become tasks", params: ZIdParams, body: ZCreatePlanRequest, response: { 201: ZPlan } },
    }, async (request, reply) => {
      const plan = await plans.createPlan({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, input: request.body });
      setEtag(reply, plan.version);
      return reply.code(201).header("location", `/api/plans/${plan.id}`).send(plan);
    });
  };
}

/** /api/plans/{id}: one plan, its versions, its approval and its PDF. */
export function plansRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/:id", {
      schema: { tags, summary: "Get a plan (ETag = version)", params: ZIdParams, response: { 200: ZPlan } },
    }, async (request, reply) => {
      const plan = await plans.getPlan({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, plan.version);
      return plan;
    });

    r.patch("/:id", {
      schema: {
        tags, summary: "Save a plan (a new version); send If-Match (412 when stale) or version (409 when stale). Submitted plans are frozen (422); approved ones return to draft",
        params: ZIdParams, body: ZUpdatePlanRequest, response: { 200: ZPlan },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const plan = await plans.updatePlan({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, plan.version);
      return plan;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete a plan and its versions; its tasks stay on the board", params: ZIdParams, querystring: ZDeletePlanQuery, response: { 204: z.null() } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.query.version !== undefined ? expectedVersion(request, request.query.version) : undefined;
      await plans.deletePlan({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected });
      return reply.code(204).send(null);
    });

    const transitions: Array<[string, PlanTransition, string]> = [
      ["submit", "submit", "Submit the plan for approval (draft or changes requested → submitted)"],
      ["approve", "approve", "Approve the submitted plan (directors and admins); records the version approved"],
      ["request-changes", "request_changes", "Send the submitted plan back with a comment (directors and admins)"],
    ];
    for (const [path, transition, summary] of transitions) {
      r.post(`/:id/${path}`, {
        schema: { tags, summary: `${summary}; send If-Match or version`, params: ZIdParams, body: ZPlanTransitionRequest, response: { 200: ZPlan } },
      }, async (request, reply) => {
        const expected = expectedVersion(request, request.body.version);
        const plan = await plans.transitionPlan({ db, scope: scopeOf(actorOf(request)), id: request.params.id, transition, input: request.body, expected });
        setEtag(reply, plan.version);
        return plan;
      });
    }

    r.get("/:id/versions", {
      schema: { tags, summary: "Every saved version of the plan, newest first", params: ZIdParams, response: { 200: ZPlanVersionList } },
    }, async (request) => plans.listVersions({ db, scope: scopeOf(actorOf(request)), id: request.params.id }));

    r.get("/:id/versions/:n", {
      schema: { tags, summary: "The plan as it was saved in version n", params: ZPlanVersionParams, response: { 200: ZPlanVersion } },
    }, async (request) => plans.getVersion({ db, scope: scopeOf(actorOf(request)), id: request.params.id, version: request.params.n }));

    r.get("/:id/pdf", {
      schema: { tags, summary: "The plan as a PDF (Chinese text embedded with a CJK font)", params: ZIdParams, querystring: ZPlanPdfQuery, response: { 200: z.any() } },
    }, async (request, reply) => {
      const printable = await plans.getPlanForPrint({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      const pdf = await renderPlanPdf(printable, request.query.lang);
      const name = `plan-${printable.plan.id}-v${printable.plan.version}.pdf`;
      return reply.type("application/pdf").header("content-disposition", `attachment; filename="${name}"`).header("cache-control", "no-store").send(pdf);
    });
  };
}
