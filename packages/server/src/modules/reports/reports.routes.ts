import { ZIdParams, ZProgrammeDashboard, ZProgrammeDashboardQuery, ZQbr, ZQbrFileQuery, ZReportQuery } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import { getProgrammeDashboard } from "./dashboard.service";
import { renderQbrPdf } from "./qbr.pdf";
import { getQbr } from "./qbr.service";
import { renderQbrXlsx } from "./qbr.xlsx";

const tags = ["reports"];
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file name from the account's id and the quarter: both are safe in a header, unlike the account's name. */
const fileName = (accountId: string, quarter: string, extension: string) => `qbr-${quarter}-${accountId}.${extension}`;

/** /api/accounts/{id}/qbr…: the quarterly business review pack of an account, as JSON, PDF and XLSX. */
export function qbrRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/:id/qbr", {
      schema: { tags, summary: "The quarterly business review pack of an account (quarter defaults to the current one)", params: ZIdParams, querystring: ZReportQuery, response: { 200: ZQbr } },
    }, async (request) => getQbr({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, quarterKey: request.query.quarter }));

    r.get("/:id/qbr.pdf", {
      schema: { tags, summary: "The review pack as a PDF in Chinese or English", params: ZIdParams, querystring: ZQbrFileQuery },
    }, async (request, reply) => {
      const qbr = await getQbr({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, quarterKey: request.query.quarter });
      const pdf = await renderQbrPdf(qbr, request.query.lang);
      return reply.type("application/pdf").header("content-disposition", `attachment; filename="${fileName(qbr.account.id, qbr.quarter.key, "pdf")}"`)
        .header("cache-control", "no-store").send(pdf);
    });

    r.get("/:id/qbr.xlsx", {
      schema: { tags, summary: "The review pack's data as a workbook, one sheet per section", params: ZIdParams, querystring: ZQbrFileQuery },
    }, async (request, reply) => {
      const qbr = await getQbr({ db, scope: scopeOf(actorOf(request)), accountId: request.params.id, quarterKey: request.query.quarter });
      const xlsx = await renderQbrXlsx(qbr, request.query.lang);
      return reply.type(XLSX_TYPE).header("content-disposition", `attachment; filename="${fileName(qbr.account.id, qbr.quarter.key, "xlsx")}"`)
        .header("cache-control", "no-store").send(xlsx);
    });
  };
}

/** /api/programme/dashboard: the programme's figures for a quarter, over the accounts the caller sees. */
export function programmeDashboardRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/dashboard", {
      schema: {
        tags, summary: "The programme dashboard: KPIs, segments, trend and every account with traffic lights (directors and admins see all, others their own accounts)",
        querystring: ZProgrammeDashboardQuery, response: { 200: ZProgrammeDashboard },
      },
    }, async (request) => getProgrammeDashboard({ db, scope: scopeOf(actorOf(request)), query: request.query }));
  };
}
