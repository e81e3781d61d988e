import type { ListenEvent } from "@openkam/db";
import { describe, expect, it } from "vitest";
import { createActorCache } from "./actor-cache";

/** A listener whose events the test sends, standing in for the LISTEN connection. */
function fakeListen() {
  let emit: (event: ListenEvent) => void = () => undefined;
  let stopped = false;
  return {
    listen: (_channel: string, onEvent: (event: ListenEvent) => void) => {
      emit = onEvent;
      return { stop: async () => { stopped = true; } };
    },
    emit: (event: ListenEvent) => emit(event),
    stopped: () => stopped,
  };
}

const entry = (value: string, expiresAt: number | null = null) => ({ value, expiresAt });

describe("actor cache", () => {
  it("keeps nothing until the listener is up, and nothing while it is down", () => {
    const l = fakeListen();
    const cache = createActorCache(l.listen);
    cache.set("s:a", entry("alice"), cache.generation());
    expect(cache.get("s:a")).toBeUndefined();
    l.emit("up");
    cache.set("s:a", entry("alice"), cache.generation());
    expect(cache.get("s:a")?.value).toBe("alice");
    l.emit("down");
    expect(cache.get("s:a")).toBeUndefined();
    cache.set("s:a", entry("alice"), cache.generation());
    expect(cache.get("s:a")).toBeUndefined();
    l.emit("up");
    expect(cache.get("s:a")).toBeUndefined();
  });

  it("forgets everything on a notification, and never stores a lookup that started before it", () => {
    const l = fakeListen();
    const cache = createActorCache(l.listen);
    l.emit("up");
    cache.set("s:a", entry("alice"), cache.generation());
    const before = cache.generation();
    l.emit("notify");
    expect(cache.get("s:a")).toBeUndefined();
    cache.set("s:b", entry("bob"), before);
    expect(cache.get("s:b")).toBeUndefined();
    cache.set("s:b", entry("bob"), cache.generation());
    expect(cache.get("s:b")?.value).toBe("bob");
    const beforeClear = cache.generation();
    cache.clear();
    cache.set("s:c", entry("carol"), beforeClear);
    expect(cache.get("s:c")).toBeUndefined();
  });

  it("drops an entry at the credential's expiry and after the safety TTL", () => {
    let now = 1_000_000;
    const l = fakeListen();
    const cache = createActorCache(l.listen, () => now);
    l.emit("up");
    cache.set("s:short", entry("x", now + 5_000), cache.generation());
    cache.set("t:forever", entry("y", null), cache.generation());
    now += 4_999;
    expect(cache.get("s:short")?.value).toBe("x");
    now += 1;
    expect(cache.get("s:short")).toBeUndefined();
    expect(cache.get("t:forever")?.value).toBe("y");
    now += 30_000;
    expect(cache.get("t:forever")).toBeUndefined();
  });

  it("caches nothing without a listener (the embedded engine) and stops its listener", async () => {
    const off = createActorCache(undefined);
    off.set("s:a", entry("alice"), off.generation());
    expect(off.get("s:a")).toBeUndefined();
    const l = fakeListen();
    const cache = createActorCache(l.listen);
    await cache.stop();
    expect(l.stopped()).toBe(true);
  });
});
