import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** OpenAPI 3.1 generated from the routes' Zod schemas, at /api/openapi.json, with a reference page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "OpenKAM API",
        version,
        description:
          "Key account management API. Authenticate with the session cookie (browser; writes need the X-CSRF-Token header from GET /api/auth/me) " +
          "or with `Authorization: Bearer <API token>`. Errors are application/problem+json. Lists use cursor pagination: pass `nextCursor` back as `cursor`. " +
          "Updates need the version you read: `If-Match: \"<version>\"` (stale → 412) or a `version` field (stale → 409).",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "An API token from Settings → API tokens" },
          session: { type: "apiKey", in: "cookie", name: "openkam_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list", deepLinking: true }, staticCSP: true });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
