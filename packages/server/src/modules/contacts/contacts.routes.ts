import { ZContact, ZContactPage, ZCreateContactRequest, ZDeleteContactQuery, ZIdParams, ZListContactsQuery, ZUpdateContactRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as contacts from "./contacts.service";

const tags = ["contacts"];

/** /api/contacts: the people at an account; visible exactly when their account is. */
export function contactsRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "List contacts (cursor pagination, sort, filters)", querystring: ZListContactsQuery, response: { 200: ZContactPage } },
    }, async (request) => contacts.listContacts({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.post("/", {
      schema: { tags, summary: "Create a contact", body: ZCreateContactRequest, response: { 201: ZContact } },
    }, async (request, reply) => {
      const contact = await contacts.createContact({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, contact.version);
      return reply.code(201).header("location", `/api/contacts/${contact.id}`).send(contact);
    });

    r.get("/:id", {
      schema: { tags, summary: "Get a contact (ETag = version)", params: ZIdParams, response: { 200: ZContact } },
    }, async (request, reply) => {
      const contact = await contacts.getContact({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, contact.version);
      return contact;
    });

    r.patch("/:id", {
      schema: {
        tags, summary: "Update a contact; send If-Match (412 when stale) or version (409 when stale)",
        params: ZIdParams, body: ZUpdateContactRequest, response: { 200: ZContact },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const contact = await contacts.updateContact({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, contact.version);
      return contact;
    });

    r.delete("/:id", {
      schema: {
        tags, summary: "Delete a contact (restorable for 30 days); one who owns relationships or has direct reports is refused with 409 CONTACT_HAS_RELATIONSHIPS unless ?relationships=delete or ?relationships=transfer&to= says what becomes of them",
        params: ZIdParams, querystring: ZDeleteContactQuery, response: { 204: z.null() },
      },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] ? expectedVersion(request, undefined) : undefined;
      await contacts.deleteContact({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected, query: request.query });
      return reply.code(204).send(null);
    });

    r.post("/:id/restore", {
      schema: { tags, summary: "Restore a contact deleted in the last 30 days", params: ZIdParams, response: { 200: ZContact } },
    }, async (request, reply) => {
      const contact = await contacts.restoreContact({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, contact.version);
      return contact;
    });
  };
}
