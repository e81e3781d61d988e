import { ZCreateTaskRequest, ZIdParams, ZListTasksQuery, ZTask, ZTaskPage, ZUpdateTaskRequest } from "@openkam/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../auth/actor";
import { expectedVersion, setEtag } from "../../http/versioning";
import { scopeOf } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import * as tasks from "./tasks.service";

const tags = ["tasks"];

/** /api/tasks: to-dos, on an account or personal, shown as lists and as a board. */
export function tasksRoutes({ db }: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get("/", {
      schema: { tags, summary: "List tasks (cursor pagination, sort, filters incl. mine and overdue)", querystring: ZListTasksQuery, response: { 200: ZTaskPage } },
    }, async (request) => tasks.listTasks({ db, scope: scopeOf(actorOf(request)), query: request.query }));

    r.post("/", {
      schema: { tags, summary: "Create a task", body: ZCreateTaskRequest, response: { 201: ZTask } },
    }, async (request, reply) => {
      const task = await tasks.createTask({ db, scope: scopeOf(actorOf(request)), input: request.body });
      setEtag(reply, task.version);
      return reply.code(201).header("location", `/api/tasks/${task.id}`).send(task);
    });

    r.get("/:id", {
      schema: { tags, summary: "Get a task (ETag = version)", params: ZIdParams, response: { 200: ZTask } },
    }, async (request, reply) => {
      const task = await tasks.getTask({ db, scope: scopeOf(actorOf(request)), id: request.params.id });
      setEtag(reply, task.version);
      return task;
    });

    r.patch("/:id", {
      schema: {
        tags, summary: "Update or move a task; send If-Match (412 when stale) or version (409 when stale)",
        params: ZIdParams, body: ZUpdateTaskRequest, response: { 200: ZTask },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request, request.body.version);
      const task = await tasks.updateTask({ db, scope: scopeOf(actorOf(request)), id: request.params.id, input: request.body, expected });
      setEtag(reply, task.version);
      return task;
    });

    r.delete("/:id", {
      schema: { tags, summary: "Delete a task", params: ZIdParams, response: { 204: z.null() } },
    }, async (request, reply) => {
      const expected = request.headers["if-match"] ? expectedVersion(request, undefined) : undefined;
      await tasks.deleteTask({ db, scope: scopeOf(actorOf(request)), id: request.params.id, expected });
      return reply.code(204).send(null);
    });
  };
}
