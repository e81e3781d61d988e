import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { existsSync, statSync } from "node:fs";
import { join, normalize } from "node:path";

/**
 * Serves the built web app from an app built without a web root, for as long
 * as the server's own web-app registration cannot run (it sets a second
 * not-found handler, which Fastify refuses). Same behaviour: files from dist,
 * index.html for client-side routes, /api untouched.
 */
export async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, { root: webRoot, serve: false });
  app.addHook("onRequest", async (request, reply) => {
    const path = decodeURIComponent(request.url.split("?")[0] ?? "/");
    if (request.method !== "GET" || path.startsWith("/api/")) return;
    const file = normalize(path).replace(/^(\.\.[/\\])+/, "").replace(/^\/+/, "");
    const full = join(webRoot, file);
    if (file && existsSync(full) && statSync(full).isFile()) return reply.sendFile(file);
    if (/\.[a-z0-9]+$/i.test(path)) return;
    return reply.sendFile("index.html");
  });
}
