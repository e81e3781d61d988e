import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../lib/api/api-error";
import { useFormSubmit } from "./useFormSubmit";

const notifyFailed = vi.hoisted(() => vi.fn());
vi.mock("./notify", () => ({ notifyFailed }));

describe("useFormSubmit", () => {
  it("is busy while saving and clears earlier field messages", async () => {
    const { result } = renderHook(() => useFormSubmit());
    await act(() => result.current.run(() => Promise.reject(new ApiError(400, "VALIDATION_FAILED", "bad", { name: "is required" }))));
    expect(result.current.errors).toEqual({ name: "is required" });

    let finish!: () => void;
    let pending!: Promise<void>;
    act(() => {
      pending = result.current.run(() => new Promise<void>((done) => (finish = done)));
    });
    expect(result.current.busy).toBe(true);
    expect(result.current.errors).toEqual({});
    await act(async () => {
      finish();
      await pending;
    });
    expect(result.current.busy).toBe(false);
  });

  it("hands a version conflict to the form, and toasts it when the form does not handle conflicts", async () => {
    const conflict = new ApiError(412, "PRECONDITION_FAILED", "changed", {}, { version: 3 });
    const onConflict = vi.fn();
    const { result } = renderHook(() => useFormSubmit());
    await act(() => result.current.run(() => Promise.reject(conflict), { onConflict }));
    expect(onConflict).toHaveBeenCalledWith(conflict);
    expect(notifyFailed).not.toHaveBeenCalled();

    await act(() => result.current.run(() => Promise.reject(conflict)));
    expect(notifyFailed).toHaveBeenCalledWith(conflict);
  });

  it("forgets one field's message when that field changes", async () => {
    const { result } = renderHook(() => useFormSubmit());
    await act(() => result.current.run(() => Promise.reject(new ApiError(400, "VALIDATION_FAILED", "bad", { name: "taken", email: "invalid" }))));
    act(() => result.current.clearError("name"));
    expect(result.current.errors).toEqual({ email: "invalid" });
  });
});
