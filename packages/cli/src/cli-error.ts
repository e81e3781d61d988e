/** A failure the user can act on: printed as one line, without a stack. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = "CliError";
  }
}

/** Drizzle wraps driver errors ("Failed query: …"); the PostgreSQL error, with its code, is in the cause chain. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node reports a refused connection to a host with several addresses as an AggregateError with no message.
  if (error.message.startsWith("Failed query:") && error.cause instanceof Error) return messageOf(error.cause);
  if (!error.message && error instanceof AggregateError && error.errors[0] instanceof Error) return messageOf(error.errors[0]);
  return error.message || error.name;
}

/** The one line printed for an error that ends a command. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = messageOf(error).split("\n")[0]!.trim();
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT") {
    return `could not reach the database server (${message}); check DATABASE_URL`;
  }
  return message;
}
