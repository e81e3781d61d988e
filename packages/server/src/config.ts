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
  /**
   * Server mode: remember who a session or token belongs to between requests, cleared by
   * NOTIFY on any change of access (docs/security.md). OPENKAM_CREDENTIAL_CACHE=off disables it.
   */
  cacheCredentials: boolean;
  /** Outgoing mail (reminder digests): OPENKAM_SMTP_URL, e.g. smtp://user:pass@host:587. Null: e-mail is skipped and logged. */
  smtpUrl: string | null;
  /** The From address of e-mails (OPENKAM_MAIL_FROM). */
  mailFrom: string;
  /** The address people open the app at (OPENKAM_PUBLIC_URL), for links in e-mails. */
  publicUrl: string;
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
    cacheCredentials: process.env.OPENKAM_CREDENTIAL_CACHE !== "off",
    smtpUrl: process.env.OPENKAM_SMTP_URL || null,
    mailFrom: process.env.OPENKAM_MAIL_FROM ?? "OpenKAM <openkam@localhost>",
    publicUrl: (process.env.OPENKAM_PUBLIC_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    ...overrides,
  };
}
