import { ZOrganization, ZUpdateOrganizationRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as organization from "./organization.service";

const tags = ["organization"];

/** /api/organization: the caller's organization settings (name, currency, fiscal year, time zone). */
export function organizationRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "Your organization's settings (ETag = version)", response: { 200: ZOrganization } },
    }, async (request, reply) => {
      const org = await organization.getOrganization({ db, scope: scopeOf(actorOf(request)) });
      setEtag(reply, org.version);
      return org;
    });

    r.patch("/", {
      schema: {
        tags, summary: "Change the organization's settings (admins); send If-Match (412 when stale) or version (409 when stale)",
        body: ZUpdateOrganizationRequest, response: { 200: ZOrganization },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const org = await organization.updateOrganization({ db, scope: scopeOf(actorOf(request)), input: request.body, expected });
      setEtag(reply, org.version);
      return org;
    });
  };
}
