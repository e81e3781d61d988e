import type { DayNumber } from "./dates";

/**
 * An organization's order book in columns: the account-level analyses (RFM, Pareto, matrix, selection) read
 * every order up to their date, and one pass over typed arrays does that in a fraction of the time of a
 * grouped SQL query (see docs/performance.md, "Identify").
 *
 * The orders are held in segments, one per account and currency, each a run of positions in the `day` and
 * `cents` columns in day order (the builder sorts them), so that a pass finds an analysis' date range by binary
 * search and reads only the orders in it. Amounts are whole cents in doubles, so sums are exact up to 2^53 cents, and equal to the
 * database's numeric sums.
 */
export interface OrderBook {
  /** The account of each segment. */
  readonly segmentAccount: readonly string[];
  /** The currency of each segment. */
  readonly segmentCurrency: readonly string[];
  /** Where each segment starts in the columns; one more entry than segments (the end of the last). */
  readonly segmentStart: Int32Array;
  readonly day: Int32Array;
  readonly cents: Float64Array;
  /**
   * The segments of each account. Only these hold the book's orders: a book brought up to date in place
   * (updateOrderBook) keeps a changed account's earlier segments in its columns, for the book before it, listed here no more.
   */
  readonly segmentsOf: ReadonlyMap<string, readonly number[]>;
  /** Orders held (in the segments listed in segmentsOf). */
  readonly orders: number;
  /** The latest day of any order (−Infinity without orders), and the currencies of the segments. */
  readonly lastDay: number;
  readonly currencies: ReadonlySet<string>;
}

/** Bytes per order in a packed segment: the day (4-byte signed integer) and the cents (8-byte double), big-endian. */
export const PACKED_ORDER_BYTES = 12;

/** Positions a sort key leaves room for after the day (2^31), and the days it holds exactly (up to the year ~7700). */
const POSITIONS = 2 ** 31;
const MAX_KEYED_DAY = 2 ** 21;

/**
 * The length of the columns a book of `orders` orders is built with: room for an eighth more (at least 4,096), which
 * updateOrderBook fills in place. A builder given this capacity grows nothing and copies nothing at `build`.
 */
export function columnsFor(orders: number): number {
  return orders + Math.max(4096, Math.ceil(orders / 8));
}

/** Builds an order book from packed segments, growing its columns as they come; each segment is kept in day order. */
export class OrderBookBuilder {
  #day: Int32Array;
  #cents: Float64Array;
  #length = 0;
  readonly #accounts: string[] = [];
  readonly #currencies: string[] = [];
  readonly #starts: number[] = [];

  /** `capacity`: the orders expected (the columns grow past it as needed). */
  constructor(capacity = 1024) {
    this.#day = new Int32Array(Math.max(1, capacity));
    this.#cents = new Float64Array(Math.max(1, capacity));
  }

  /** Adds the orders of one account in one currency, packed as PACKED_ORDER_BYTES each (the order does not matter). */
  addPacked(account: string, currency: string, packed: Uint8Array): void {
    if (packed.byteLength % PACKED_ORDER_BYTES !== 0) throw new RangeError(`a packed segment of ${packed.byteLength} bytes is not a whole number of orders`);
    const n = packed.byteLength / PACKED_ORDER_BYTES;
    this.#reserve(n);
    this.#accounts.push(account);
    this.#currencies.push(currency);
    this.#starts.push(this.#length);
    unpackOrders(packed, this.#day, this.#cents, this.#length);
    sortOrders(this.#day, this.#cents, this.#length, this.#length + n);
    this.#length += n;
  }

  /** Adds the orders of one account in one currency given as objects (tests, and callers holding orders in memory). */
  add(account: string, currency: string, orders: ReadonlyArray<{ day: DayNumber; cents: number }>): void {
    this.#reserve(orders.length);
    this.#accounts.push(account);
    this.#currencies.push(currency);
    this.#starts.push(this.#length);
    for (const order of orders) {
      this.#day[this.#length] = order.day;
      this.#cents[this.#length] = order.cents;
      this.#length++;
    }
    sortOrders(this.#day, this.#cents, this.#length - orders.length, this.#length);
  }

  /**
   * Adds every segment of an existing book whose account `keep` accepts (a book brought up to date account by account);
   * segments the book no longer lists (segmentsOf) are left behind.
   */
  addFrom(book: OrderBook, keep: (account: string) => boolean): void {
    const listed = listedSegments(book);
    // Segments kept one after another are copied as one run of the columns.
    let runFrom = -1;
    let runTo = -1;
    const copyRun = () => {
      if (runFrom < 0) return;
      this.#reserve(runTo - runFrom);
      this.#day.set(book.day.subarray(runFrom, runTo), this.#length);
      this.#cents.set(book.cents.subarray(runFrom, runTo), this.#length);
      this.#length += runTo - runFrom;
      runFrom = -1;
    };
    for (let segment = 0; segment < book.segmentAccount.length; segment++) {
      const account = book.segmentAccount[segment]!;
      const start = book.segmentStart[segment]!;
      if (!listed[segment] || !keep(account)) {
        copyRun();
        continue;
      }
      if (runFrom < 0) runFrom = start;
      runTo = book.segmentStart[segment + 1]!;
      this.#accounts.push(account);
      this.#currencies.push(book.segmentCurrency[segment]!);
      this.#starts.push(this.#length + (start - runFrom));
    }
    copyRun();
  }

  /**
   * The book of every segment added; the builder is not used after it. The book's columns keep room for more orders
   * after theirs (an eighth more, at least 4,096), so that updateOrderBook can add changed accounts' orders in place:
   * the builder's columns when their room is within that and a quarter as much again, else a copy of them.
   */
  build(): OrderBook {
    const segmentsOf = new Map<string, number[]>();
    this.#accounts.forEach((account, segment) => {
      const list = segmentsOf.get(account);
      if (list) list.push(segment);
      else segmentsOf.set(account, [segment]);
    });
    const room = columnsFor(this.#length);
    if (this.#day.length < room || this.#day.length > room * 1.25) {
      const day = new Int32Array(room);
      day.set(this.#day.subarray(0, this.#length));
      const cents = new Float64Array(room);
      cents.set(this.#cents.subarray(0, this.#length));
      [this.#day, this.#cents] = [day, cents];
    }
    return bookOf({ day: this.#day, cents: this.#cents, used: this.#length }, this.#accounts, this.#currencies, [...this.#starts, this.#length], segmentsOf, this.#length);
  }

  #reserve(more: number): void {
    const needed = this.#length + more;
    if (needed <= this.#day.length) return;
    const size = Math.max(needed, this.#day.length * 2);
    const day = new Int32Array(size);
    day.set(this.#day.subarray(0, this.#length));
    const cents = new Float64Array(size);
    cents.set(this.#cents.subarray(0, this.#length));
    this.#day = day;
    this.#cents = cents;
  }
}

/**
 * The columns a book's orders are in, with room after them: `used` positions are taken, by this book and the books
 * before it on the same columns. Books that share columns share this object; a book may add orders in place only
 * while `used` is its own length (no other book added any since).
 */
interface Columns {
  day: Int32Array;
  cents: Float64Array;
  used: number;
}

const columnsOf = new WeakMap<OrderBook, Columns>();

/** A book over columns: its views are their first `columns.used` positions; lastDay and currencies from its listed segments. */
function bookOf(columns: Columns, segmentAccount: readonly string[], segmentCurrency: readonly string[], starts: ArrayLike<number>, segmentsOf: ReadonlyMap<string, readonly number[]>, orders: number): OrderBook {
  const segmentStart = Int32Array.from(starts);
  const day = columns.day.subarray(0, columns.used);
  let lastDay = Number.NEGATIVE_INFINITY;
  const currencies = new Set<string>();
  for (const segments of segmentsOf.values()) {
    for (const segment of segments) {
      const end = segmentStart[segment + 1]!;
      // Segments are in day order: each one's latest order is its last.
      if (end > segmentStart[segment]! && day[end - 1]! > lastDay) lastDay = day[end - 1]!;
      currencies.add(segmentCurrency[segment]!);
    }
  }
  const book: OrderBook = { segmentAccount, segmentCurrency, segmentStart, day, cents: columns.cents.subarray(0, columns.used), segmentsOf, orders, lastDay, currencies };
  columnsOf.set(book, columns);
  return book;
}

/** Whether each segment of a book is listed in its segmentsOf (holds the book's orders). */
function listedSegments(book: OrderBook): Uint8Array {
  const listed = new Uint8Array(book.segmentAccount.length);
  for (const segments of book.segmentsOf.values()) for (const segment of segments) listed[segment] = 1;
  return listed;
}

/** Unpacks PACKED_ORDER_BYTES-long orders into the columns from position `at`. */
function unpackOrders(packed: Uint8Array, day: Int32Array, cents: Float64Array, at: number): void {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  for (let offset = 0; offset < packed.byteLength; offset += PACKED_ORDER_BYTES, at++) {
    day[at] = view.getInt32(offset);
    cents[at] = view.getFloat64(offset + 4);
  }
}

/**
 * The book's orders as packed segments, one for each account and currency it holds, in day order (a builder given
 * them back keeps them as they are, with no sort): what a whole read stores for the next process to read.
 */
export function* packedSegments(book: OrderBook): Generator<{ account: string; currency: string; packed: Uint8Array }> {
  for (const [account, segments] of book.segmentsOf) {
    for (const segment of segments) {
      const [start, end] = [book.segmentStart[segment]!, book.segmentStart[segment + 1]!];
      const packed = new Uint8Array((end - start) * PACKED_ORDER_BYTES);
      const view = new DataView(packed.buffer);
      for (let i = start, offset = 0; i < end; i++, offset += PACKED_ORDER_BYTES) {
        view.setInt32(offset, book.day[i]!);
        view.setFloat64(offset + 4, book.cents[i]!);
      }
      yield { account, currency: book.segmentCurrency[segment]!, packed };
    }
  }
}

/** Puts the orders in [start, end) of the columns in day order, if they are not already. */
function sortOrders(day: Int32Array, cents: Float64Array, start: number, end: number): void {
  let sorted = true;
  for (let i = start + 1; i < end && sorted; i++) sorted = day[i - 1]! <= day[i]!;
  if (sorted) return;
  const n = end - start;
  const days = day.slice(start, end);
  const amounts = cents.slice(start, end);
  let order: ArrayLike<number>;
  if (days.every((d) => Math.abs(d) < MAX_KEYED_DAY)) {
    // Day and position in one double, sorted natively (far faster than a comparator).
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) keys[k] = days[k]! * POSITIONS + k;
    keys.sort();
    for (let k = 0; k < n; k++) keys[k] = keys[k]! - Math.floor(keys[k]! / POSITIONS) * POSITIONS;
    order = keys;
  } else {
    order = Array.from({ length: n }, (_, k) => k).sort((x, y) => days[x]! - days[y]! || x - y);
  }
  for (let k = 0; k < n; k++) {
    day[start + k] = days[order[k]!]!;
    cents[start + k] = amounts[order[k]!]!;
  }
}

/** The orders a book holds for some accounts. */
function ordersOfAccounts(book: OrderBook, accounts: Iterable<string>): number {
  let orders = 0;
  for (const account of accounts) for (const segment of book.segmentsOf.get(account) ?? []) orders += book.segmentStart[segment + 1]! - book.segmentStart[segment]!;
  return orders;
}

/** A changed account's orders in one currency, packed as the database gives them (PACKED_ORDER_BYTES each). */
export interface PackedSegment {
  account: string;
  currency: string;
  packed: Uint8Array;
}

/**
 * The book after the orders of some accounts changed: `segments` are those accounts' orders now (all of them; an
 * account without any has none), the other accounts' are the previous book's. In place when the previous book's
 * columns have room and no other book added to them since: the new orders go after the previous book's, the changed
 * accounts' earlier segments stay (the previous book, which a run may still be reading, keeps seeing all it held)
 * but are no longer listed. Otherwise — no room, or a quarter of the columns would be orders no longer listed — the
 * book is built anew from the kept and the new segments, with room again. At 10,000,000 orders an update in place
 * takes milliseconds where a new book copies 120 MB.
 */
export function updateOrderBook(previous: OrderBook, changed: ReadonlySet<string>, segments: readonly PackedSegment[]): OrderBook {
  let added = 0;
  for (const s of segments) {
    if (!changed.has(s.account)) throw new RangeError(`the orders of ${s.account} are given, but it is not among the changed accounts`);
    if (s.packed.byteLength % PACKED_ORDER_BYTES !== 0) throw new RangeError(`a packed segment of ${s.packed.byteLength} bytes is not a whole number of orders`);
    added += s.packed.byteLength / PACKED_ORDER_BYTES;
  }
  const orders = previous.orders - ordersOfAccounts(previous, changed) + added;
  const columns = columnsOf.get(previous);
  const used = previous.day.length + added;
  if (!columns || columns.used !== previous.day.length || used > columns.day.length || used - orders > used / 4) {
    const builder = new OrderBookBuilder(orders);
    for (const s of segments) builder.addPacked(s.account, s.currency, s.packed);
    builder.addFrom(previous, (account) => !changed.has(account));
    return builder.build();
  }
  const segmentAccount = [...previous.segmentAccount];
  const segmentCurrency = [...previous.segmentCurrency];
  const starts = Array.from(previous.segmentStart);
  const segmentsOf = new Map(previous.segmentsOf);
  for (const account of changed) segmentsOf.delete(account);
  let at = previous.day.length;
  for (const s of segments) {
    const n = s.packed.byteLength / PACKED_ORDER_BYTES;
    unpackOrders(s.packed, columns.day, columns.cents, at);
    sortOrders(columns.day, columns.cents, at, at + n);
    segmentsOf.set(s.account, [...(segmentsOf.get(s.account) ?? []), segmentAccount.length]);
    segmentAccount.push(s.account);
    segmentCurrency.push(s.currency);
    at += n;
    starts.push(at);
  }
  columns.used = at;
  return bookOf(columns, segmentAccount, segmentCurrency, starts, segmentsOf, orders);
}

/** Bytes the columns of a book take (for a cache's budget), their room for more orders included. */
export function orderBookBytes(book: OrderBook): number {
  const columns = columnsOf.get(book);
  const columnBytes = columns ? columns.day.byteLength + columns.cents.byteLength : book.day.byteLength + book.cents.byteLength;
  return columnBytes + book.segmentStart.byteLength + book.segmentAccount.length * 120;
}
