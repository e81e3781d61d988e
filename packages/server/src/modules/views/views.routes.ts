import { ZCreateViewRequest, ZIdParams, ZListViewsQuery, ZSavedView, ZSavedViewList, ZUpdateViewRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as views from "./views.service";

const tags = ["views"];

/** /api/views: saved filters, sort and columns of the lists in the web app. */
export function viewsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "List your saved views and the shared ones for a list", querystring: ZListViewsQuery, response: { 200: ZSavedViewList } },
    }, async (request) => views.listViews({ db, scope: scopeOf(actorOf(request)), entity: request.query.entity }));

    r.post("/", {
      schema: { tags, summary: "Save a view", body: ZCreateViewRequest, response: { 201: ZSavedView } },
    }, async (request, reply) => {
      const view = await views.createView({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, view.version);
      return reply.code(201).send(view);
    });

    r.patch("/:id", {
      schema: { tags, summary: "Rename, share or overwrite a view you saved", params: ZIdParams, body: ZUpdateViewRequest, response: { 200: ZSavedView } },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const view = await views.updateView({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, view.version);
      return view;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete a view you saved", params: ZIdParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      await views.deleteView({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      return reply.code(204).send(null);
    });
  };
}
