import type { FastifyInstance } from "fastify";

/**
 * A customer's link page holds personal answers: no cache may keep them, and no referrer may carry the token to
 * another site. For the routes of one plugin (the plugin's own scope).
 */
export function keepAnswersPrivate(app: FastifyInstance): void {
  app.addHook("onSend", async (_request, reply) => {
    void reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
  });
}
