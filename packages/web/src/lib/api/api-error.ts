import type { TProblem } from "@openkam/contracts";

/** Field names arrive as "body.name" or "query.limit"; forms know them as "name". */
export function formFieldName(field: string): string {
  return field.replace(/^(body|query|params|querystring)\./, "");
}

/** An error answer of the API, parsed from its problem details (RFC 9457). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Per-field messages keyed by the form's field name. */
  readonly fieldErrors: Record<string, string>;
  /** On version conflicts (409/412): the record as it is now. */
  readonly current: unknown;

  constructor(status: number, code: string, detail: string, fieldErrors: Record<string, string> = {}, current?: unknown) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.current = current;
  }

  /** Someone else changed the record since it was read. */
  get isVersionConflict(): boolean {
    return (this.status === 412 || this.code === "VERSION_CONFLICT") && this.current !== undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Builds an ApiError from a response body, whatever it is: problem details,
 * another JSON error, or text from a proxy in between.
 */
export function parseProblem(status: number, body: unknown, fallback = "The request failed"): ApiError {
  if (!isRecord(body)) {
    const text = typeof body === "string" && body.trim() !== "" && body.length < 300 ? body.trim() : fallback;
    return new ApiError(status, status === 0 ? "NETWORK" : `HTTP_${status}`, text);
  }
  const problem = body as Partial<TProblem>;
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(problem.errors)) {
    for (const e of problem.errors) {
      if (isRecord(e) && typeof e.field === "string" && typeof e.message === "string") {
        const name = formFieldName(e.field);
        fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]}; ${e.message}` : e.message;
      }
    }
  }
  const detail = typeof problem.detail === "string" ? problem.detail : typeof problem.title === "string" ? problem.title : fallback;
  const code = typeof problem.code === "string" ? problem.code : `HTTP_${status}`;
  return new ApiError(typeof problem.status === "number" ? problem.status : status, code, detail, fieldErrors, problem.current);
}
