import type { Db } from "@openkam/db";
import { columnsFor, type OrderBook, OrderBookBuilder, orderBookBytes, PACKED_ORDER_BYTES, packedSegments, updateOrderBook } from "@openkam/domain";
import { setImmediate as nextTick } from "node:timers/promises";
import type { Scope } from "../../tenancy/scope";
import * as repo from "./order-book.repository";

const MB = 1024 * 1024;
const DEFAULT_BUDGET_MB = 1024;

/**
 * A book behind by changes to more accounts than this (or than half its accounts) is read whole: by then, reading
 * the changed accounts' orders by a list of ids would come near the whole read, which packs every order in one pass.
 */
const MAX_CHANGED_ACCOUNTS = 20_000;

/** The memory the order books of one process may take, from OPENKAM_ORDER_BOOK_CACHE_MB (default 1024). */
export function orderBookBudget(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.OPENKAM_ORDER_BOOK_CACHE_MB ?? DEFAULT_BUDGET_MB);
  return (Number.isFinite(value) && value >= 0 ? value : DEFAULT_BUDGET_MB) * MB;
}

interface Entry {
  revision: number;
  book: OrderBook;
  bytes: number;
  usedAt: number;
  changedAccounts: number | null;
  wholeFrom: "snapshot" | "orders" | null;
}

/**
 * Where a book comes from: the organization's order-book revision it holds, and, when it was brought up to date from
 * the book held before, that book's revision and the accounts whose orders differ between the two. A run that kept
 * the totals of its pass over the earlier book aggregates those accounts again instead of the whole book.
 */
export interface BookLineage {
  revision: number;
  from: { revision: number; changed: ReadonlySet<string> } | null;
}

const lineages = new WeakMap<OrderBook, BookLineage>();

/** The lineage of a book this cache made (undefined for any other book). */
export function lineageOf(book: OrderBook): BookLineage | undefined {
  return lineages.get(book);
}

/** How a book was obtained, for the benchmarks and the logs. */
export interface OrderBookRead {
  book: OrderBook;
  /** True when the book was read from the database for this call (first use, or the orders changed). */
  loaded: boolean;
  /** When the orders changed: the accounts whose orders were read again (the rest was kept); null when read whole. */
  changedAccounts: number | null;
  /** When read whole: from the stored snapshot (and the orders of the accounts changed since), or from every order. */
  wholeFrom: "snapshot" | "orders" | null;
  seconds: number;
}

/**
 * The organizations' order books, kept in memory between runs. A book is current while its organization's
 * order-book revision has not moved: each use reads that one number, and when it moved (any instance may have written
 * the orders) reads again the orders of the accounts the revisions since record as changed, or all of them. Books
 * are dropped least recently used first beyond the budget; a book larger than the budget is used once and not kept.
 */
export class OrderBookCache {
  // Per database handle, so two databases in one process (tests, benchmarks) never share a book.
  readonly #databases = new WeakMap<Db, { entries: Map<string, Entry>; loading: Map<string, Promise<Entry>> }>();
  #clock = 0;

  constructor(private readonly budgetBytes: number = orderBookBudget()) {}

  /** The organization's book (scope: the organization, whoever asks; the runs select their accounts from it). */
  async get(db: Db, scope: Scope): Promise<OrderBookRead> {
    const { orgId } = scope;
    const started = performance.now();
    let state = this.#databases.get(db);
    if (!state) this.#databases.set(db, (state = { entries: new Map(), loading: new Map() }));
    const { entries } = state;
    const revision = await repo.orderBookRevision(db, scope);
    const cached = entries.get(orgId);
    if (cached && cached.revision === revision) {
      cached.usedAt = ++this.#clock;
      return { book: cached.book, loaded: false, changedAccounts: null, wholeFrom: null, seconds: (performance.now() - started) / 1000 };
    }
    const entry = await this.#load(db, state, scope, revision, cached);
    return { book: entry.book, loaded: true, changedAccounts: entry.changedAccounts, wholeFrom: entry.wholeFrom, seconds: (performance.now() - started) / 1000 };
  }

  /** Whether the cache holds a book of the organization (things derived from its book may be kept as long). */
  holds(db: Db, orgId: string): boolean {
    return this.#databases.get(db)?.entries.has(orgId) ?? false;
  }

  /**
   * The accounts whose orders changed since a book's revision, when every revision since is recorded with its accounts
   * and they are few enough to read apart; null to read the book whole.
   */
  async #changedSince(db: Db, scope: Scope, previous: Entry | undefined, revision: number): Promise<Set<string> | null> {
    if (!previous || previous.revision >= revision) return null;
    return changedBetween(db, scope, previous.revision, revision, Math.min(MAX_CHANGED_ACCOUNTS, previous.book.segmentsOf.size / 2));
  }

  /**
   * The book read whole: from the stored snapshot and the orders of the accounts changed since it, when the revisions
   * since are all recorded with their accounts and those are few enough — a new or restarted process then unpacks
   * stored bytes instead of waiting for the database to pack every order (docs/performance.md, "Identify"); else by
   * packing every order, and then stored as the snapshot for the next process.
   */
  async #readWhole(db: Db, scope: Scope, revision: number): Promise<{ book: OrderBook; from: "snapshot" | "orders" }> {
    const sinceSnapshot = (from: number) => (from >= revision ? Promise.resolve(new Set<string>()) : changedBetween(db, scope, from, revision, MAX_CHANGED_ACCOUNTS));
    // The snapshot's revision first: a snapshot too far behind is not read (120 MB at 10,000,000 orders) for nothing.
    const storedRevision = await repo.orderBookSnapshotRevision(db, scope);
    let changed = storedRevision === undefined ? null : await sinceSnapshot(storedRevision);
    const stored = changed ? await repo.orderBookSnapshot(db, scope) : undefined;
    // Replaced meanwhile (by a newer one; or dropped by the purge and stored again by an older read): its own changes.
    if (stored && stored.revision !== storedRevision) changed = await sinceSnapshot(stored.revision);
    if (stored && changed) {
      const fresh = changed.size > 0 ? await repo.packedOrderSegments(db, scope, { only: [...changed] }) : [];
      return { book: await bookOfSegments([...stored.segments.filter((s) => !changed.has(s.account_id)), ...fresh]), from: "snapshot" };
    }
    // On PostgreSQL, two halves of the accounts are read on two connections at once: the aggregation that packs the
    // orders runs on one core per query. The embedded engine runs one query at a time.
    const middle = db.kind === "postgres" ? await repo.middleAccountId(db, scope) : undefined;
    const halves = middle === undefined ? [{}] : [{ below: middle }, { from: middle }];
    const parts = await Promise.all(halves.map((range) => repo.packedOrderSegments(db, scope, range)));
    const book = await bookOfSegments(parts.flat());
    try {
      // Stored in day order, as the book holds them: the next process's read sorts nothing.
      await repo.storeOrderBookSnapshot(db, scope, revision, packedSegments(book));
    } catch (error) {
      // The snapshot only spares the next process a whole read; the book read is good without it.
      process.emitWarning(`the order book snapshot of organization ${scope.orgId} was not stored: ${(error as Error).message}`);
    }
    return { book, from: "orders" };
  }

  #load(db: Db, { entries, loading: inFlight }: { entries: Map<string, Entry>; loading: Map<string, Promise<Entry>> }, scope: Scope, revision: number, previous: Entry | undefined): Promise<Entry> {
    // Runs started together share one read of the orders.
    const { orgId } = scope;
    const key = `${orgId}:${revision}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const loading = (async () => {
      const changed = await this.#changedSince(db, scope, previous, revision);
      let book: OrderBook;
      let wholeFrom: Entry["wholeFrom"] = null;
      if (changed && previous) {
        // Only the changed accounts' orders are read again, and added to the book held (in place when its columns have
        // room); every other account's are the book's.
        book = updateOrderBook(previous.book, changed, unpacked(await repo.packedOrderSegments(db, scope, { only: [...changed] })));
      } else {
        ({ book, from: wholeFrom } = await this.#readWhole(db, scope, revision));
      }
      lineages.set(book, { revision, from: changed && previous ? { revision: previous.revision, changed } : null });
      const entry: Entry = { revision, book, bytes: orderBookBytes(book), usedAt: ++this.#clock, changedAccounts: changed ? changed.size : null, wholeFrom };
      entries.delete(orgId);
      if (entry.bytes <= this.budgetBytes) {
        entries.set(orgId, entry);
        this.#evict(entries);
      }
      return entry;
    })();
    inFlight.set(key, loading);
    return loading.finally(() => inFlight.delete(key));
  }

  #evict(entries: Map<string, Entry>): void {
    let total = [...entries.values()].reduce((sum, e) => sum + e.bytes, 0);
    const oldestFirst = [...entries.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [orgId, entry] of oldestFirst) {
      if (total <= this.budgetBytes) break;
      entries.delete(orgId);
      total -= entry.bytes;
    }
  }
}

/**
 * The accounts whose orders changed in the revisions after `after` up to `upTo`, when every one of them is recorded
 * with its accounts and they are at most `limit`; null otherwise (the book is then read whole).
 */
async function changedBetween(db: Db, scope: Scope, after: number, upTo: number, limit: number): Promise<Set<string> | null> {
  const changes = await repo.orderBookChangesBetween(db, scope, after, upTo);
  if (changes.length !== upTo - after || changes.some((c) => c.accountIds === null)) return null;
  const changed = new Set(changes.flatMap((c) => c.accountIds!));
  return changed.size <= limit ? changed : null;
}

/**
 * A book of packed segments (base64), in columns of its size from the start, each segment decoded into one scratch
 * buffer: columns grown by doubling as segments came and copied again to keep a book's room, and a buffer per segment,
 * were most of the time and the garbage of reading 10,000,000 orders.
 */
async function bookOfSegments(segments: readonly repo.PackedSegment[]): Promise<OrderBook> {
  let bytes = 0;
  let largest = 0;
  for (const segment of segments) {
    const length = Buffer.byteLength(segment.packed, "base64");
    bytes += length;
    largest = Math.max(largest, length);
  }
  const builder = new OrderBookBuilder(columnsFor(bytes / PACKED_ORDER_BYTES));
  const scratch = Buffer.allocUnsafe(largest);
  for (const [i, segment] of segments.entries()) {
    const length = scratch.write(segment.packed, "base64");
    builder.addPacked(segment.account_id, segment.currency, scratch.subarray(0, length));
    // The server's other work gets a turn now and then: 10,000,000 orders take a second or so to unpack.
    if (i % 2_000 === 1_999) await nextTick();
  }
  return builder.build();
}

/** Segments as the database packed them (base64), as bytes. */
function unpacked(segments: readonly repo.PackedSegment[]) {
  return segments.map((s) => ({ account: s.account_id, currency: s.currency, packed: Buffer.from(s.packed, "base64") }));
}

/** The process's cache, shared by every run it executes. */
export const orderBooks = new OrderBookCache();
