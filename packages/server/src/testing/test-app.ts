import { type Database, type Db } from "@openkam/db";
import { buildMembership, buildOrganization, buildUser } from "@openkam/db/testing/builders";
import { createTestDatabase } from "@openkam/db/testing/test-database";
import type { OrgRole } from "@openkam/domain";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app";
import { hashPassword } from "../auth/secrets";
import { createJobQueue, type JobQueue } from "../jobs/job-queue";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;
/** argon2 is slow on purpose; tests share one hash of TEST_PASSWORD. */
export const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A signed-in caller: sends the session cookie and the CSRF token, like the web app. */
export interface Client {
  userId: string;
  orgId: string;
  email: string;
  role: OrgRole;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  jobs: JobQueue;
  /** A new organization with a user of the given role, signed in. */
  newOrgWithUser(role?: OrgRole): Promise<Client>;
  /** Another user in an existing organization, signed in. */
  newUser(orgId: string, role: OrgRole): Promise<Client>;
  signIn(email: string, password: string): Promise<Client>;
  close(): Promise<void>;
}

function clientFor(app: FastifyInstance, me: { userId: string; orgId: string; email: string; role: OrgRole }, cookie: string, csrf: string | null): Client {
  const request = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const options: InjectOptions = { method, url, headers: { cookie, ...(csrf ? { "x-csrf-token": csrf } : {}), ...headers } };
    if (body !== undefined) options.payload = body as InjectOptions["payload"];
    return app.inject(options);
  };
  return {
    ...me,
    request,
    get: (url, headers) => request("GET", url, undefined, headers),
    post: (url, body, headers) => request("POST", url, body ?? {}, headers),
    patch: (url, body, headers) => request("PATCH", url, body, headers),
    put: (url, body, headers) => request("PUT", url, body, headers),
    delete: (url, headers) => request("DELETE", url, undefined, headers),
  };
}

/** A real app on a fresh test database (PGlite or PostgreSQL, per OPENKAM_TEST_DB). */
export async function createTestApp(): Promise<TestApp> {
  const db = await createTestDatabase();
  const jobs = createJobQueue(db);
  const app = await buildApp({ database: db, jobs, config: { runJobs: false } });
  await app.ready();

  async function signIn(email: string, password: string): Promise<Client> {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const body = res.json<{ user: { id: string }; organization: { id: string }; role: OrgRole; csrfToken: string }>();
    const setCookie = res.cookies.find((c) => c.name === "openkam_session");
    return clientFor(app, { userId: body.user.id, orgId: body.organization.id, email, role: body.role }, `openkam_session=${setCookie!.value}`, body.csrfToken);
  }

  async function newUser(orgId: string, role: OrgRole): Promise<Client> {
    const user = await buildUser(db, { passwordHash: await testPasswordHash() });
    await buildMembership(db, orgId, user.id, role);
    return signIn(user.email, TEST_PASSWORD);
  }

  return {
    app, db, jobs, signIn, newUser,
    async newOrgWithUser(role = "admin") {
      const org = await buildOrganization(db);
      return newUser(org.id, role);
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export type { Db };
