import { ZCreateOrderRequest, ZIdParams, ZListOrdersQuery, ZOrder, ZOrderPage, ZUpdateOrderRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as orders from "./orders.service";

const tags = ["orders"];

/** /api/orders: orders with their lines; money as exact decimal strings. */
export function ordersRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "List orders (cursor pagination, sort, filters)", querystring: ZListOrdersQuery, response: { 200: ZOrderPage } },
    }, async (request) => orders.listOrders({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.post("/", {
      schema: { tags, summary: "Create an order; with lines its amount is their exact sum", body: ZCreateOrderRequest, response: { 201: ZOrder } },
    }, async (request, reply) => {
      const order = await orders.createOrder({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, order.version);
      return reply.code(201).header("location", `/api/orders/${order.id}`).send(order);
    });

    r.get("/:id", {
      schema: { tags, summary: "Get an order with its lines (ETag = version)", params: ZIdParams, response: { 200: ZOrder } },
    }, async (request, reply) => {
      const order = await orders.getOrder({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, order.version);
      return order;
    });

    r.patch("/:id", {
      schema: {
        tags, summary: "Update an order (lines, when sent, replace all lines); send If-Match (412 when stale) or version (409 when stale)",
        params: ZIdParams, body: ZUpdateOrderRequest, response: { 200: ZOrder },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const order = await orders.updateOrder({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, order.version);
      return order;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete an order (restorable for 30 days)", params: ZIdParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] ? expectedVersion(request, undefined) : undefined;
      await orders.deleteOrder({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected });
      return reply.code(204).send(null);
    });

    r.post("/:id/restore", {
      schema: { tags, summary: "Restore an order deleted in the last 30 days", params: ZIdParams, response: { 200: ZOrder } },
    }, async (request, reply) => {
      const order = await orders.restoreOrder({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, order.version);
      return order;
    });
  };
}
