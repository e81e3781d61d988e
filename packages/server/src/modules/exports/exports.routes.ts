import { ZExportParams, ZExportQuery } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { sendCsv } from "../../http/csv-download";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import { exportFileName, exportLines } from "./exports.service";

/** /api/exports/{entity}.csv: streamed CSV downloads with the import's column names. */
export function exportsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/:entity.csv", {
      schema: {
        tags: ["exports"],
        summary: "Export as CSV (accounts take the accounts list filters, to export the current view)",
        params: ZExportParams, querystring: ZExportQuery, response: { 200: z.any() },
      },
    }, async (request, reply) => {
      const { entity } = request.params;
      const lines = exportLines(db, scopeOf(actorOf(request)), entity, entity === "accounts" ? request.query : {});
      return sendCsv(reply, exportFileName(entity), lines);
    });
  };
}
