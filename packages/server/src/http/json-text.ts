import type { FastifyReply } from "fastify";

/**
 * Sends a body that is already JSON text (written by the database). Fastify
 * passes a string with a JSON content type through unchanged; the route's
 * response schema still documents the shape, and the route's tests check it.
 */
export function sendJsonText(reply: FastifyReply, json: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}
