import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useKeysetPages } from "./KeysetPager";

describe("keyset pages", () => {
  it("go forward and back by cursor, and start again from the first page when the list's query changes", () => {
    let renders = 0;
    const { result, rerender } = renderHook(({ key }) => {
      renders++;
      return useKeysetPages(key);
    }, { initialProps: { key: "q=a" } });
    expect(renders).toBe(1);
    expect(result.current).toMatchObject({ cursor: null, page: 1 });

    act(() => result.current.next("c2"));
    act(() => result.current.next("c3"));
    expect(result.current).toMatchObject({ cursor: "c3", page: 3 });
    act(() => result.current.previous());
    expect(result.current).toMatchObject({ cursor: "c2", page: 2 });

    rerender({ key: "q=b" });
    expect(result.current).toMatchObject({ cursor: null, page: 1 });
    act(() => result.current.next("d2"));
    expect(result.current).toMatchObject({ cursor: "d2", page: 2 });
  });
});
