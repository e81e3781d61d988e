import { ZSearchQuery, ZSearchResult } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import { search } from "./search.service";

/** /api/search: the app's global search box. */
export function searchRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get("/", {
      schema: { tags: ["search"], summary: "Find accounts and contacts by name", querystring: ZSearchQuery, response: { 200: ZSearchResult } },
    }, async (request) => search({ db, scope: scopeOf(actorOf(request)), query: request.query }));
  };
}
