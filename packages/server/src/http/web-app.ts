import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Serves the built web app at /, with client-side routes (/accounts/…)
 * answered by index.html. API paths keep their own 404s.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  if (!webRoot || !existsSync(join(webRoot, "index.html"))) {
    app.get("/", { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html").send(`<!doctype html><meta charset="utf-8"><title>OpenKAM</title><p>OpenKAM API is running. See <a href="/api/docs">/api/docs</a>.</p>`));
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, prefix: "/", wildcard: false, index: ["index.html"] });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === "GET" && !request.url.startsWith("/api/") && !/\.[a-z0-9]+$/i.test(request.url.split("?")[0] ?? "")) {
      return reply.sendFile("index.html");
    }
    return reply.code(404).type("application/problem+json").send({
      type: "https://openkam.dev/problems/not-found", title: "Not Found", status: 404, code: "NOT_FOUND", detail: `No route ${request.method} ${request.url.split("?")[0]}`,
    });
  });
}
