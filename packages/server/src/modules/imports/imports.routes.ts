import multipart from "@fastify/multipart";
import { ZIdParams, ZImport, ZImportPage, ZImportPreview, ZImportRejectionPage, ZListImportsQuery, ZListRejectionsQuery } from "@openkam/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { AppError } from "../../http/app-error";
import { sendCsv } from "../../http/csv-download";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as imports from "./imports.service";

const tags = ["imports"];

const MULTIPART_BODY = "multipart/form-data: file (CSV or XLSX), entity, mode (all-or-nothing | valid-rows), dryRun (true | false), mapping (JSON: file header → field)";

function multipartParts(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send multipart/form-data with the file in a part named 'file'");
  return request.parts();
}

/** /api/imports: uploads run as background jobs; progress and rejections are read here. */
export function importsRoutes({ db, config, jobs }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    // Registered here only: no other route accepts uploads.
    await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 20, fieldSize: 64 * 1024 }, throwFileSizeLimit: true });
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post("/", {
      schema: { tags, summary: "Start an import (202; poll the Location)", description: MULTIPART_BODY, response: { 202: ZImport } },
    }, async (request, reply) => {
      const created = await imports.createImport({ db, scope: scopeOf(actorOf(request)), jobs, parts: multipartParts(request) });
      return reply.code(202).header("location", `/api/imports/${created.id}`).send(created);
    });

    r.post("/preview", {
      schema: { tags, summary: "Headers, first rows and a guessed column mapping of a file (nothing is stored)", description: "multipart/form-data: file, entity", response: { 200: ZImportPreview } },
    }, async (request) => imports.previewImport({ scope: scopeOf(actorOf(request)), parts: multipartParts(request) }));

    r.get("/", {
      schema: { tags, summary: "List imports, newest first", querystring: ZListImportsQuery, response: { 200: ZImportPage } },
    }, async (request) => imports.listImports({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.get("/:id", {
      schema: { tags, summary: "An import's status and counts", params: ZIdParams, response: { 200: ZImport } },
    }, async (request) => imports.getImport({ db, scope: scopeOf(actorOf(request)), id: request.params.id }));

    r.get("/:id/rejections", {
      schema: { tags, summary: "Rejected rows in file order: line, column, reason", params: ZIdParams, querystring: ZListRejectionsQuery, response: { 200: ZImportRejectionPage } },
    }, async (request) => imports.listRejections({ db, scope: scopeOf(actorOf(request)), id: request.params.id, query: request.query }));

    r.get("/:id/rejections.csv", {
      schema: { tags, summary: "Rejected rows as CSV: line, column, reason and the row's original values", params: ZIdParams, response: { 200: z.any() } },
    }, async (request, reply) => {
      const { fileName, lines } = await imports.rejectionsCsv({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      return sendCsv(reply, fileName, lines);
    });
  };
}
