import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./app-error";

/** ETags are the record version, quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header("etag", etagOf(version));
}

export interface ExpectedVersion {
  version: number;
  /** If-Match answers 412 when stale; a body `version` answers 409. */
  source: "if-match" | "body";
}

/** The version an update was based on: from If-Match, else from the body. One of them is required. */
export function expectedVersion(request: FastifyRequest, bodyVersion: number | undefined): ExpectedVersion {
  const header = request.headers["if-match"];
  if (typeof header === "string" && header.trim() !== "") {
    const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
    if (!match) throw new AppError("PRECONDITION_FAILED", "If-Match must be an ETag from a previous read, e.g. \"3\"");
    return { version: Number(match[1]), source: "if-match" };
  }
  if (bodyVersion !== undefined) return { version: bodyVersion, source: "body" };
  throw new AppError("VALIDATION_FAILED", "Send the version you read (If-Match header or a version field) so concurrent edits are not lost", {
    errors: [{ field: "version", message: "Required" }],
  });
}

/** The error for an update whose version is stale, carrying the record as it is now. */
export function staleVersion(expected: ExpectedVersion, current: unknown): AppError {
  const code = expected.source === "if-match" ? "PRECONDITION_FAILED" : "VERSION_CONFLICT";
  return new AppError(code, "Someone else changed this record after you read it; review their changes and try again", { current });
}
