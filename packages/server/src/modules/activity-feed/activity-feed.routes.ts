import { ZActivityFeedPage, ZActivityFeedQuery } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import { listActivityFeed } from "./activity-feed.service";

const tags = ["activity"];

/** /api/activity-feed: what happened on the accounts the caller can see. */
export function activityFeedRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: {
        tags, summary: "Changes and comments on the accounts I can see (or, with mine=true, those I own or am on the team of), newest first",
        querystring: ZActivityFeedQuery, response: { 200: ZActivityFeedPage },
      },
    }, async (request) => listActivityFeed({ db, scope: scopeOf(actorOf(request)), query: request.query }));
  };
}
