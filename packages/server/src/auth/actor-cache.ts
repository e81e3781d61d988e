import type { Database, Listener } from "@openkam/db";

/** What a session or token lookup found, with the moment it stops being valid. */
export interface CachedCredential<T> {
  value: T;
  /** Epoch milliseconds; null for a token without an expiry. */
  expiresAt: number | null;
}

export interface ActorCache {
  /** A credential seen recently and not changed since, or undefined: then ask the database. */
  get<T>(key: string): CachedCredential<T> | undefined;
  /** Call before the database lookup; pass the result to `set` so a lookup that raced a change is not kept. */
  generation(): number;
  set<T>(key: string, entry: CachedCredential<T>, generationAtLookup: number): void;
  /** Forgets everything (a write on this instance, a change announced by another). */
  clear(): void;
  stop(): Promise<void>;
}

export const AUTH_CHANNEL = "openkam_auth";

/** A safety net only: changes are announced at once; an entry still never outlives this. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Saves the session/token lookup on most requests in server mode. Correctness rests on two rules:
 * every change that can end or narrow access fires NOTIFY openkam_auth (triggers in migration 0008),
 * which clears the cache of every instance; and while the LISTEN connection is down the cache is off,
 * because notifications may be missed. A lookup started before a clear is never stored (generation).
 * On the embedded engine one process owns the data and no listener exists, so nothing is cached.
 */
export function createActorCache(listen: Database["listen"], now: () => number = Date.now): ActorCache {
  const entries = new Map<string, CachedCredential<unknown> & { storedAt: number }>();
  let generation = 0;
  let listening = false;

  const clear = () => {
    generation++;
    entries.clear();
  };

  const listener: Listener | null = listen
    ? listen(AUTH_CHANNEL, (event) => {
      clear();
      if (event === "up") listening = true;
      if (event === "down") listening = false;
    })
    : null;

  return {
    get<T>(key: string) {
      if (!listening) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      const t = now();
      if (t - entry.storedAt > TTL_MS || (entry.expiresAt !== null && entry.expiresAt <= t)) {
        entries.delete(key);
        return undefined;
      }
      return entry as CachedCredential<T>;
    },
    generation: () => generation,
    set(key, entry, generationAtLookup) {
      if (!listening || generationAtLookup !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(key, { ...entry, storedAt: now() });
    },
    clear,
    async stop() {
      listening = false;
      clear();
      await listener?.stop();
    },
  };
}
