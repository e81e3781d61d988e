import { ZKpiDefinition, ZKpiDefinitionDetail, ZKpiKeyParams, ZKpiValues, ZKpiValuesQuery } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as kpis from "./kpis.service";

const tags = ["kpis"];

/** /api/kpis: the KPI library (definitions and the SQL behind them) and the KPIs measured for a subject. */
export function kpisRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", { schema: { tags, summary: "The KPI library: every KPI's definition in both languages, unit, direction and formula", response: { 200: z.array(ZKpiDefinition) } } },
      async () => kpis.listKpiDefinitions());

    r.get("/values", {
      schema: {
        tags, summary: "Every KPI measured for an account, an account manager's accounts or the programme, over a period (the current quarter by default)",
        querystring: ZKpiValuesQuery, response: { 200: ZKpiValues },
      },
    }, async (request) => {
      const { subject, accountId, userId, from, to } = request.query;
      return kpis.computeKpis({
        db, scope: scopeOf(actorOf(request)),
        subject: subject === "account" ? { kind: "account", accountId: accountId! } : subject === "manager" ? { kind: "manager", userId: userId! } : { kind: "programme" },
        ...(from && to ? { period: { from, to } } : {}),
      });
    });

    r.get("/:key", { schema: { tags, summary: "A KPI's definition page: definition, formula and the query behind it", params: ZKpiKeyParams, response: { 200: ZKpiDefinitionDetail } } },
      async (request) => kpis.getKpiDefinition(request.params.key));
  };
}
