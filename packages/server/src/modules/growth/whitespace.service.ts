import type { TCreateBusinessUnitRequest, TPutWhitespaceCellsRequest, TUpdateBusinessUnitRequest, TWhitespaceCell, TWhitespaceMap } from "@openkam/contracts";
import { isDatabaseError, newId, PG_ERRORS, type Db } from "@openkam/db";
import { centsToMoney, deriveWhitespaceState, moneyToCents, WHITESPACE_BOUGHT_MONTHS, WHITESPACE_STATES } from "@openkam/domain";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { assertCanWrite, visibleAccountOrThrow, writableAccount } from "./growth.policy";
import { presentBusinessUnit } from "./growth.presenter";
import * as repo from "./whitespace.repository";

interface Options {
  db: Db;
  scope: Scope;
  /** The day "bought in the last 24 months" is counted back from; the request's time. */
  now?: Date;
}

const UNIT_AUDIT = "business_unit";
const CELL_AUDIT = "whitespace_cell";

/** The first day of the bought look-back, YYYY-MM-DD in UTC. */
export function boughtSince(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - WHITESPACE_BOUGHT_MONTHS, now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

function presentCell(cell: repo.WhitespaceCellRow | undefined, facts: { businessUnitId: string; productId: string; boughtRecently: boolean; openOpportunities: number }): TWhitespaceCell {
  const manualState = cell?.state ?? null;
  return {
    businessUnitId: facts.businessUnitId,
    productId: facts.productId,
    state: deriveWhitespaceState({ manual: manualState, boughtRecently: facts.boughtRecently, openOpportunities: facts.openOpportunities }),
    manualState,
    boughtRecently: facts.boughtRecently,
    openOpportunities: facts.openOpportunities,
    estimatedValue: cell?.estimatedValue ?? null,
    currency: cell?.currency ?? null,
    notes: cell?.notes ?? null,
    version: cell?.version ?? 0,
  };
}

/**
 * Products × business units: each cell derived from orders (bought), open opportunities (in
 * pipeline) and the user's own call. Four statements whatever the size of the map.
 */
export async function getWhitespaceMap({ db, scope, accountId, now = new Date() }: Options & { accountId: string }): Promise<TWhitespaceMap> {
  await visibleAccountOrThrow(db, scope, accountId);
  const units = await repo.listBusinessUnits(db, scope, accountId);
  const products = await repo.listWhitespaceProducts(db, scope, accountId, boughtSince(now));
  const open = await repo.countOpenOpportunities(db, scope, accountId);
  const stored = new Map((await repo.listCells(db, scope, accountId)).map((c) => [`${c.businessUnitId}/${c.productId}`, c]));
  const cells: TWhitespaceCell[] = [];
  for (const product of products) {
    for (const unit of units) {
      const cell = stored.get(`${unit.id}/${product.id}`);
      const openOpportunities = open
        .filter((o) => o.productId === product.id && (o.businessUnitId === null || o.businessUnitId === unit.id))
        .reduce((s, o) => s + o.count, 0);
      const presented = presentCell(cell, { businessUnitId: unit.id, productId: product.id, boughtRecently: product.lastOrderDate !== null, openOpportunities });
      if (presented.state !== null || cell) cells.push(presented);
    }
  }
  const totals = new Map<string, { state: (typeof WHITESPACE_STATES)[number]; currency: string; cells: number; cents: bigint }>();
  for (const cell of cells) {
    if (cell.state === null || cell.estimatedValue === null || cell.currency === null) continue;
    const key = `${cell.state}/${cell.currency}`;
    const line = totals.get(key) ?? { state: cell.state, currency: cell.currency, cells: 0, cents: 0n };
    line.cells += 1;
    line.cents += moneyToCents(cell.estimatedValue);
    totals.set(key, line);
  }
  return {
    accountId,
    businessUnits: units.map(presentBusinessUnit),
    products,
    cells,
    totals: [...totals.values()]
      .sort((a, b) => WHITESPACE_STATES.indexOf(a.state) - WHITESPACE_STATES.indexOf(b.state) || (a.currency < b.currency ? -1 : 1))
      .map((t) => ({ state: t.state, currency: t.currency, cells: t.cells, estimatedValue: centsToMoney(t.cents) })),
  };
}

/** Sets the user's call on cells, all or nothing; returns the map as it is afterwards. */
export async function putWhitespaceCells({ db, scope, accountId, input, now = new Date() }: Options & { accountId: string; input: TPutWhitespaceCellsRequest }) {
  const keys = new Set<string>();
  input.cells.forEach((c, i) => {
    const key = `${c.businessUnitId}/${c.productId}`;
    if (keys.has(key)) throw invalid(`cells.${i}`, "The same cell is given twice");
    keys.add(key);
  });
  await db.transaction(async (tx) => {
    await writableAccount(tx, scope, accountId);
    const units = new Set((await repo.listBusinessUnits(tx, scope, accountId)).map((u) => u.id));
    const products = await repo.existingProductIds(tx, scope, [...new Set(input.cells.map((c) => c.productId))]);
    for (const [i, c] of input.cells.entries()) {
      if (!units.has(c.businessUnitId)) throw invalid(`cells.${i}.businessUnitId`, "The business unit must belong to this account");
      if (!products.has(c.productId)) throw invalid(`cells.${i}.productId`, "Unknown product");
      const current = await repo.findCellForUpdate(tx, scope, c.businessUnitId, c.productId);
      if (c.version !== undefined && c.version !== (current?.version ?? 0)) {
        throw new AppError("VERSION_CONFLICT", "Someone else changed this cell after you read it; reload and try again", { errors: [{ field: `cells.${i}.version`, message: "Stale" }] });
      }
      const values: repo.CellValues = {
        state: c.state,
        estimatedValue: c.estimatedValue === undefined ? (current?.estimatedValue ?? null) : c.estimatedValue,
        currency: c.currency === undefined ? (current?.currency ?? null) : c.currency,
        notes: c.notes === undefined ? (current?.notes ?? null) : c.notes,
      };
      if ((values.estimatedValue === null) !== (values.currency === null)) throw invalid(`cells.${i}.currency`, "Give an estimated value together with its currency");
      const row = await repo.writeCell(tx, scope, c.businessUnitId, c.productId, current, values);
      if (!row) throw new AppError("CONFLICT", "Someone else changed this cell at the same moment; reload and try again");
      await recordAudit(tx, scope, {
        action: current ? "update" : "create", entityType: CELL_AUDIT, entityId: c.businessUnitId,
        before: current ? { productId: c.productId, ...stripCell(current) } : undefined, after: { productId: c.productId, ...stripCell(row) },
      });
    }
  });
  return getWhitespaceMap({ db, scope, accountId, now });
}

const stripCell = (row: repo.WhitespaceCellRow) => ({ state: row.state, estimatedValue: row.estimatedValue, currency: row.currency, notes: row.notes, version: row.version });

function nameTaken(error: unknown): never {
  if (isDatabaseError(error, PG_ERRORS.uniqueViolation)) throw new AppError("ALREADY_EXISTS", "This account already has a business unit or site of that name", { errors: [{ field: "name", message: "Already used" }] });
  throw error;
}

export async function listBusinessUnits({ db, scope, accountId }: Options & { accountId: string }) {
  await visibleAccountOrThrow(db, scope, accountId);
  return { items: (await repo.listBusinessUnits(db, scope, accountId)).map(presentBusinessUnit) };
}

export async function createBusinessUnit({ db, scope, accountId, input }: Options & { accountId: string; input: TCreateBusinessUnitRequest }) {
  return db.transaction(async (tx) => {
    await writableAccount(tx, scope, accountId);
    const row = await repo.insertBusinessUnit(tx, scope, { id: newId(), accountId, name: input.name, kind: input.kind, notes: input.notes ?? null }).catch(nameTaken);
    const unit = presentBusinessUnit(row);
    await recordAudit(tx, scope, { action: "create", entityType: UNIT_AUDIT, entityId: row.id, after: unit });
    return unit;
  });
}

export async function updateBusinessUnit({ db, scope, accountId, unitId, input, expected }: Options & { accountId: string; unitId: string; input: TUpdateBusinessUnitRequest; expected: ExpectedVersion }) {
  const { version: _version, ...patch } = input;
  return db.transaction(async (tx) => {
    await writableAccount(tx, scope, accountId);
    const current = await repo.businessUnitOfAccount(tx, scope, accountId, unitId, { forUpdate: true });
    if (!current) throw notFound("Business unit");
    if (current.version !== expected.version) throw staleVersion(expected, presentBusinessUnit(current));
    const row = await repo.updateBusinessUnit(tx, scope, unitId, current.version, patch).catch(nameTaken);
    if (!row) throw new AppError("CONFLICT", "Someone else changed this business unit at the same moment; reload and try again");
    const unit = presentBusinessUnit(row);
    await recordAudit(tx, scope, { action: "update", entityType: UNIT_AUDIT, entityId: unitId, before: presentBusinessUnit(current), after: unit });
    return unit;
  });
}

export async function deleteBusinessUnit({ db, scope, accountId, unitId, expected }: Options & { accountId: string; unitId: string; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    await writableAccount(tx, scope, accountId);
    const current = await repo.businessUnitOfAccount(tx, scope, accountId, unitId, { forUpdate: true });
    if (!current) throw notFound("Business unit");
    if (current.version !== expected.version) throw staleVersion(expected, presentBusinessUnit(current));
    await repo.deleteBusinessUnit(tx, scope, unitId);
    await recordAudit(tx, scope, { action: "delete", entityType: UNIT_AUDIT, entityId: unitId, before: presentBusinessUnit(current) });
  });
}
