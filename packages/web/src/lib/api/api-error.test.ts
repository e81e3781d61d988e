import { describe, expect, it } from "vitest";
import { ApiError, formFieldName, parseProblem } from "./api-error";

describe("parseProblem", () => {
  it("reads problem details with per-field messages keyed by form field", () => {
    const error = parseProblem(400, {
      type: "https://openkam.dev/problems/validation-failed", title: "Bad Request", status: 400, code: "VALIDATION_FAILED",
      detail: "Some fields are invalid",
      errors: [{ field: "body.name", message: "Required" }, { field: "body.currency", message: "Use a three-letter code" }, { field: "body.name", message: "Too short" }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_FAILED", message: "Some fields are invalid" });
    expect(error.fieldErrors).toEqual({ name: "Required; Too short", currency: "Use a three-letter code" });
    expect(error.isVersionConflict).toBe(false);
  });

  it("recognises version conflicts (412 and 409 VERSION_CONFLICT) only when the current record came along", () => {
    const current = { id: "a", version: 3 };
    expect(parseProblem(412, { status: 412, code: "PRECONDITION_FAILED", detail: "stale", current }).isVersionConflict).toBe(true);
    expect(parseProblem(409, { status: 409, code: "VERSION_CONFLICT", detail: "stale", current }).isVersionConflict).toBe(true);
    expect(parseProblem(409, { status: 409, code: "ALREADY_EXISTS", detail: "taken" }).isVersionConflict).toBe(false);
    expect(parseProblem(412, { status: 412, code: "PRECONDITION_FAILED", detail: "bad If-Match" }).isVersionConflict).toBe(false);
  });

  it("copes with bodies that are not problem details", () => {
    expect(parseProblem(502, "Bad gateway from the proxy")).toMatchObject({ status: 502, code: "HTTP_502", message: "Bad gateway from the proxy" });
    expect(parseProblem(500, "<html>".padEnd(400, "x"), "Failed")).toMatchObject({ message: "Failed" });
    expect(parseProblem(404, null, "Not there")).toMatchObject({ status: 404, message: "Not there", fieldErrors: {} });
    expect(parseProblem(400, { errors: [{ field: 3 }, "junk"], title: "Bad Request" })).toMatchObject({ message: "Bad Request", fieldErrors: {} });
  });

  it("strips the request part from field names", () => {
    expect(formFieldName("body.name")).toBe("name");
    expect(formFieldName("querystring.limit")).toBe("limit");
    expect(formFieldName("lines.0.quantity")).toBe("lines.0.quantity");
  });
});
