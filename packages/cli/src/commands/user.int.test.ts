import { buildApp } from "@openkam/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT, newCliDatabase, runCli, type CliDatabase } from "../testing/cli-harness";

describe("openkam org create and user create", () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await newCliDatabase();
  });
  afterAll(async () => database.dispose());

  it("create organizations and users who can then sign in with their role", async () => {
    const cli = (...args: string[]) => runCli(args, database.env);

    const org = await cli("org", "create", "--name", "Acme Industrial");
    expect(org.stderr).toBe("");
    expect(org.stdout).toMatch(/Created organization "Acme Industrial"/);
    expect(org.code).toBe(0);
    expect((await cli("org", "create", "--name", "Beta Trading")).code).toBe(0);

    const duplicate = await cli("org", "create", "--name", "ACME industrial");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toBe('error: an organization named "ACME industrial" already exists');

    const created = await cli("user", "create", "--email", "ana@example.com", "--password", "ana's long secret", "--role", "director", "--org", "Acme Industrial");
    expect(created.stdout).toMatch(/Created user ana@example.com .* as director/);
    expect(created.code).toBe(0);

    // The same person joins a second organization; their password stays as it was.
    const added = await cli("user", "create", "--email", "Ana@Example.com", "--password", "another password", "--role", "viewer", "--org", "beta trading");
    expect(added.stdout).toMatch(/Added ana@example.com to "Beta Trading" as viewer \(the user existed: password unchanged\)/);
    expect(added.code).toBe(0);

    const noOrg = await cli("user", "create", "--email", "bo@example.com", "--password", "long enough", "--role", "member", "--org", "Nowhere");
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('no organization named "Nowhere"; create it with: openkam org create --name "Nowhere"');
    expect(noOrg.stderr.split("\n").filter(Boolean)).toHaveLength(1);

    const badRole = await cli("user", "create", "--email", "bo@example.com", "--password", "long enough", "--role", "owner", "--org", "Acme Industrial");
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/Allowed choices are admin, director, account_manager, member, viewer/);

    const db = await database.open();
    const app = await buildApp({ database: db, config: { runJobs: false } });
    try {
      const login = (password: string, organizationId?: string) =>
        app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "ana@example.com", password, organizationId } });
      const first = await login("ana's long secret");
      expect(first.statusCode).toBe(200);
      const body = first.json<{ organizations: { id: string; name: string; role: string }[] }>();
      expect(body.organizations.map((o) => [o.name, o.role]).sort()).toEqual([["Acme Industrial", "director"], ["Beta Trading", "viewer"]]);
      const beta = body.organizations.find((o) => o.name === "Beta Trading")!;
      expect((await login("ana's long secret", beta.id)).json<{ role: string }>().role).toBe("viewer");
      expect((await login("another password")).statusCode).toBe(401);
    } finally {
      await app.close();
      await db.close();
    }
  }, CLI_TEST_TIMEOUT);
});
