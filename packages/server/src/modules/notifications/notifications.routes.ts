import { ZIdParams, ZNotificationListQuery, ZNotificationPage, ZNotificationPreferences, ZPutNotificationPreferencesRequest, ZReadAllResult } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as notifications from "./notifications.service";

const tags = ["notifications"];

/** /api/notifications: the signed-in user's own notifications and notification preferences. */
export function notificationsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "My notifications, newest first, with the unread count", querystring: ZNotificationListQuery, response: { 200: ZNotificationPage } },
    }, async (request) => notifications.listNotifications({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.post("/read-all", {
      schema: { tags, summary: "Mark all my notifications read", response: { 200: ZReadAllResult } },
    }, async (request) => notifications.markAllNotificationsRead({ db, scope: scopeOf(actorOf(request)) }));

    r.post("/:id/read", {
      schema: { tags, summary: "Mark one of my notifications read", params: ZIdParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      await notifications.markNotificationRead({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      return reply.code(204).send(null);
    });

    r.get("/preferences", {
      schema: { tags, summary: "My notification preferences", response: { 200: ZNotificationPreferences } },
    }, async (request, reply) => {
      const preferences = await notifications.getPreferences({ db, scope: scopeOf(actorOf(request)) });
      setEtag(reply, preferences.version);
      return preferences;
    });

    r.put("/preferences", {
      schema: {
        tags, summary: "Change my notification preferences; If-Match or version (0 while the defaults apply) is optional",
        body: ZPutNotificationPreferencesRequest, response: { 200: ZNotificationPreferences },
      },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] || request.body.version !== undefined ? expectedVersion(request, request.body.version) : undefined;
      const preferences = await notifications.putPreferences({ db, scope: scopeOf(actorOf(request)), input: request.body, expected });
      setEtag(reply, preferences.version);
      return preferences;
    });
  };
}
