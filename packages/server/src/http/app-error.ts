/**
 * Error codes the API answers with. Domain code throws `AppError` with a code;
 * one error handler maps codes to HTTP statuses and problem documents. The
 * `satisfies` below makes a new code without a status a type error.
 */
export const ERROR_STATUS = {
  /** Request body, query or parameters are malformed (per-field errors attached). */
  VALIDATION_FAILED: 400,
  /** No or an invalid session / token. */
  UNAUTHENTICATED: 401,
  /** Wrong e-mail or password. */
  INVALID_CREDENTIALS: 401,
  /** Cookie-authenticated write without the matching X-CSRF-Token header. */
  CSRF_TOKEN_INVALID: 403,
  /** Authenticated, but the role does not allow the action (on records the caller can see). */
  FORBIDDEN: 403,
  /** The record does not exist, or belongs to another organization, or is outside the caller's accounts. */
  NOT_FOUND: 404,
  /** A unique value (name, external id, sku, e-mail) is already taken. */
  ALREADY_EXISTS: 409,
  /** The body's `version` is stale: someone else changed the record. */
  VERSION_CONFLICT: 409,
  /** The record is referenced by others and cannot be changed this way. */
  CONFLICT: 409,
  /** A contact still owns relationships or has direct reports; the caller must say what becomes of them. */
  CONTACT_HAS_RELATIONSHIPS: 409,
  /** A public link (survey, review) was already answered with another submission. */
  ALREADY_ANSWERED: 409,
  /** A public link is past its expiry date. */
  LINK_EXPIRED: 410,
  /** `If-Match` does not match the current ETag. */
  PRECONDITION_FAILED: 412,
  /** The upload is larger than allowed. */
  PAYLOAD_TOO_LARGE: 413,
  /** The upload is not a CSV or XLSX file. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The request is well-formed but breaks a business rule. */
  UNPROCESSABLE: 422,
  /** Too many sign-in attempts; retry later. */
  RATE_LIMITED: 429,
  /** Anything unexpected; details are logged, not sent. */
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** The message shown to the user. */
    message: string,
    readonly extra: { errors?: FieldError[]; current?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = "Record") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "Your role does not allow this") => new AppError("FORBIDDEN", message);
export const invalid = (field: string, message: string) =>
  new AppError("VALIDATION_FAILED", message, { errors: [{ field, message }] });
