/** Server settings, from the CLI flags and the environment. */
export interface ServerConfig {
  /** Secure cookies need HTTPS; off for plain-HTTP local use. */
  secureCookies: boolean;
  /** Largest accepted import upload, in bytes. */
  maxUploadBytes: number;
  /** Folder with the built web app, served at /. Null: API only. */
  webRoot: string | null;
  /** Run background jobs in this process. */
  runJobs: boolean;
  version: string;
  logLevel: string;
  /**
   * Check every response against its Zod schema. On in tests, so contract drift
   * fails a test; off in production, where presenters' types already guarantee
   * the shape and schema encoding would double the cost of a list response
   * (docs/decisions/0008-response-serialization.md).
   */
  validateResponses: boolean;
}

export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    secureCookies: process.env.OPENKAM_SECURE_COOKIES === "true",
    maxUploadBytes: Number(process.env.OPENKAM_MAX_UPLOAD_MB ?? 512) * 1024 * 1024,
    webRoot: null,
    runJobs: true,
    version: process.env.npm_package_version ?? "0.1.0",
    logLevel: process.env.LOG_LEVEL ?? "info",
    validateResponses: process.env.NODE_ENV === "test" || process.env.OPENKAM_VALIDATE_RESPONSES === "true",
    ...overrides,
  };
}
