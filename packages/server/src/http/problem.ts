import { isDatabaseError, PG_ERRORS } from "@openkam/db";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, ERROR_STATUS, type ErrorCode, type FieldError } from "./app-error";

const TITLES: Record<number, string> = {
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
  412: "Precondition Failed", 413: "Payload Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 422: "Unprocessable Content",
  429: "Too Many Requests", 500: "Internal Server Error",
};

/** Drizzle wraps driver errors; the PostgreSQL error is somewhere in the cause chain. */
export function databaseCause(error: unknown) {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isDatabaseError(e)) return e;
  }
  return undefined;
}

/** Constraint violations caused by user input become 4xx problems, never 500. */
function fromDatabase(error: unknown): AppError | undefined {
  const db = databaseCause(error);
  if (!db) return undefined;
  const constraint = db.constraint ?? "";
  switch (db.code) {
    case PG_ERRORS.uniqueViolation: {
      const field = constraint.includes("external_id") ? "externalId" : constraint.includes("sku") ? "sku" : constraint.includes("email") ? "email" : "name";
      return new AppError("ALREADY_EXISTS", `This ${field} is already in use`, { errors: [{ field, message: "Already in use" }] });
    }
    case PG_ERRORS.foreignKeyViolation:
      return new AppError("UNPROCESSABLE", "A referenced record does not exist, or the record is still referenced by others");
    case PG_ERRORS.checkViolation:
    case PG_ERRORS.notNullViolation:
    case PG_ERRORS.invalidTextRepresentation:
    case PG_ERRORS.numericOutOfRange:
    case PG_ERRORS.datetimeOutOfRange:
    case PG_ERRORS.invalidDatetimeFormat:
    case PG_ERRORS.characterNotInRepertoire:
    case PG_ERRORS.untranslatableCharacter:
    case PG_ERRORS.stackDepthExceeded:
      return new AppError("VALIDATION_FAILED", `A value is out of range (${constraint || db.column || db.code})`);
    case undefined:
    default:
      return undefined;
  }
}

export function sendProblem(reply: FastifyReply, error: AppError, instance?: string) {
  for (const [k, v] of Object.entries(error.extra.headers ?? {})) void reply.header(k, v);
  return reply
    .code(error.status)
    .type("application/problem+json")
    .send({
      type: `https://openkam.dev/problems/${error.code.toLowerCase().replace(/_/g, "-")}`,
      title: TITLES[error.status] ?? "Error",
      status: error.status,
      detail: error.message,
      code: error.code,
      ...(instance ? { instance } : {}),
      ...(error.extra.errors ? { errors: error.extra.errors } : {}),
      ...(error.extra.current !== undefined ? { current: error.extra.current } : {}),
    });
}

export function registerProblemHandlers(app: FastifyInstance, options: { webAppIndex: boolean }) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: AppError;
    if (error instanceof AppError) {
      problem = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors: FieldError[] = error.validation.map((v) => ({
        field: [error.validationContext, ...(v.instancePath ? v.instancePath.split("/").filter(Boolean) : [])].filter(Boolean).join("."),
        message: v.message ?? "Invalid value",
      }));
      problem = new AppError("VALIDATION_FAILED", "Some fields are invalid", { errors });
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, "response did not match its schema");
      problem = new AppError("INTERNAL", "The server produced an invalid response");
    } else {
      const fromDb = fromDatabase(error);
      if (fromDb) {
        problem = fromDb;
      } else if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
        // Fastify's own 4xx (bad JSON, body too large, unsupported content type ...).
        const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((c) => ERROR_STATUS[c] === error.statusCode) ?? "VALIDATION_FAILED";
        problem = new AppError(code, error.message);
        Object.assign(problem, { status: error.statusCode });
      } else {
        request.log.error({ err: error }, "unhandled error");
        problem = new AppError("INTERNAL", "Something went wrong on our side; it has been logged");
      }
    }
    return sendProblem(reply, problem, request.url);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // Client-side routes of the web app (/accounts/123) are answered by its index.html. A file has a short extension;
    // a public link (/r/<org>.<43-character secret>) also has a dot, followed by far more than that.
    if (options.webAppIndex && request.method === "GET" && !path.startsWith("/api/") && !/\.[a-z0-9]{1,12}$/i.test(path)) {
      return reply.sendFile("index.html");
    }
    return sendProblem(reply, new AppError("NOT_FOUND", `No route ${request.method} ${path}`));
  });
}

