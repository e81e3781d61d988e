import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Files under assets/ have a content hash in their name, so a browser may keep
 * them for good; everything else (index.html) is checked on every visit so
 * that a new build reaches users at once.
 */
export function cacheControlFor(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache";
}

/** Whether a built web app is there to serve. */
export function hasWebApp(webRoot: string | null): webRoot is string {
  return webRoot !== null && existsSync(join(webRoot, "index.html"));
}

/**
 * Serves the built web app at /. Client-side routes (/accounts/…) fall back
 * to index.html in the not-found handler (http/problem.ts); API paths keep
 * their problem+json 404s.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | null): Promise<void> {
  if (!hasWebApp(webRoot)) {
    app.get("/", { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html").send(`<!doctype html><meta charset="utf-8"><title>OpenKAM</title><p>OpenKAM API is running. See <a href="/api/docs">/api/docs</a>.</p>`));
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: "/",
    wildcard: false,
    index: ["index.html"],
    // The build writes .br and .gz beside each file (packages/web/build/precompress.ts).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => void reply.header("cache-control", cacheControlFor(path)),
  });
}
