import { describe, expect, it } from "vitest";
import { CliError, describeError, sqlStateOf } from "./cli-error";

describe("describeError", () => {
  it("prints the first line of the message only", () => {
    expect(describeError(new CliError("no such file: a.csv\nmore detail"))).toBe("no such file: a.csv");
  });

  it("prints the database's reason, not the query that failed", () => {
    const wrapped = new Error('Failed query: insert into "organizations" ...', { cause: Object.assign(new Error("duplicate key value"), { code: "23505" }) });
    expect(describeError(wrapped)).toBe("duplicate key value");
    expect(sqlStateOf(wrapped)).toBe("23505");
  });

  it("says to check DATABASE_URL when the server cannot be reached, even for an AggregateError without a message", () => {
    const refused = Object.assign(new AggregateError([new Error("connect ECONNREFUSED 127.0.0.1:5432")], ""), { code: "ECONNREFUSED" });
    expect(describeError(refused)).toBe("could not reach the database server (connect ECONNREFUSED 127.0.0.1:5432); check DATABASE_URL");
  });

  it("has no SQL state for errors that are not from the database", () => {
    expect(sqlStateOf(Object.assign(new Error("x"), { code: "ENOENT" }))).toBeUndefined();
  });
});
