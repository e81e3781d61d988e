import { ZTeamLoad } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as teamLoad from "./team-load.service";

const tags = ["team-load"];

/** /api/team-load: every member's load across the accounts, for directors and admins. */
export function teamLoadRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: {
        tags, summary: "Each active member's accounts, summed allocation (over 100% flagged), team roles, strategic/key accounts and open tasks; directors and admins only",
        response: { 200: ZTeamLoad },
      },
    }, async (request) => teamLoad.getTeamLoad({ db, scope: scopeOf(actorOf(request)) }));
  };
}
