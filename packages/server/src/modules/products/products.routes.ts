import { ZCreateProductRequest, ZIdParams, ZListProductsQuery, ZProduct, ZProductPage, ZUpdateProductRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as products from "./products.service";

const tags = ["products"];

/** /api/products: the organization's catalogue; everyone reads it, directors and admins change it. */
export function productsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "List products (cursor pagination, sort, filters)", querystring: ZListProductsQuery, response: { 200: ZProductPage } },
    }, async (request) => products.listProducts({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.post("/", {
      schema: { tags, summary: "Create a product (directors and admins)", body: ZCreateProductRequest, response: { 201: ZProduct } },
    }, async (request, reply) => {
      const product = await products.createProduct({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, product.version);
      return reply.code(201).header("location", `/api/products/${product.id}`).send(product);
    });

    r.get("/:id", {
      schema: { tags, summary: "Get a product (ETag = version)", params: ZIdParams, response: { 200: ZProduct } },
    }, async (request, reply) => {
      const product = await products.getProduct({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, product.version);
      return product;
    });

    r.patch("/:id", {
      schema: {
        tags, summary: "Update a product; send If-Match (412 when stale) or version (409 when stale)",
        params: ZIdParams, body: ZUpdateProductRequest, response: { 200: ZProduct },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const product = await products.updateProduct({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, product.version);
      return product;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete a product that is on no order (409 otherwise: deactivate it instead)", params: ZIdParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] ? expectedVersion(request, undefined) : undefined;
      await products.deleteProduct({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected });
      return reply.code(204).send(null);
    });
  };
}
