import type { TCreateProductRequest, TListProductsQuery, TUpdateProductRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { AppError, invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { assertCanManageProducts, priceNeedsCurrency } from "./products.policy";
import { presentProduct } from "./products.presenter";
import * as repo from "./products.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const currencyRequired = () => invalid("currency", "Give the currency of the list price");

export async function listProducts({ db, scope, query }: Options & { query: TListProductsQuery }) {
  const page = toPage(await repo.listProducts(db, scope, query), query.limit);
  return { items: page.items.map(presentProduct), nextCursor: page.nextCursor };
}

export async function getProduct({ db, scope, id }: Options & { id: string }) {
  const row = await repo.findProduct(db, scope, id);
  if (!row) throw notFound("Product");
  return presentProduct(row);
}

export async function createProduct({ db, scope, input }: Options & { input: TCreateProductRequest }) {
  assertCanManageProducts(scope);
  if (priceNeedsCurrency({ listPrice: input.listPrice ?? null, currency: input.currency ?? null })) throw currencyRequired();
  return db.transaction(async (tx) => {
    const row = await repo.insertProduct(tx, scope, { ...input, id: newId() });
    const product = presentProduct(row);
    await recordAudit(tx, scope, { action: "create", entityType: "product", entityId: row.id, after: product });
    return product;
  });
}

export async function updateProduct({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateProductRequest; expected: ExpectedVersion }) {
  assertCanManageProducts(scope);
  const { version: _version, ...patch } = input;
  return db.transaction(async (tx) => {
    const current = await repo.findProductForUpdate(tx, scope, id);
    if (!current) throw notFound("Product");
    if (current.version !== expected.version) throw staleVersion(expected, presentProduct(current));
    const merged = {
      listPrice: patch.listPrice === undefined ? current.listPrice : patch.listPrice,
      currency: patch.currency === undefined ? current.currency : patch.currency,
    };
    if (priceNeedsCurrency(merged)) throw currencyRequired();
    const row = await repo.updateProduct(tx, scope, id, expected.version, patch);
    if (!row) throw staleVersion(expected, presentProduct(current));
    const product = presentProduct(row);
    await recordAudit(tx, scope, { action: "update", entityType: "product", entityId: id, before: presentProduct(current), after: product });
    return product;
  });
}

/** Products on past orders stay, so the order history keeps its meaning; deactivate them instead. */
export async function deleteProduct({ db, scope, id, expected }: Options & { id: string; expected?: ExpectedVersion }) {
  assertCanManageProducts(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findProductForUpdate(tx, scope, id);
    if (!current) throw notFound("Product");
    if (expected && current.version !== expected.version) throw staleVersion(expected, presentProduct(current));
    if (await repo.isProductOrdered(tx, scope, id)) {
      throw new AppError("CONFLICT", "This product appears on orders and cannot be deleted; deactivate it instead (isActive: false)");
    }
    await repo.deleteProduct(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: "product", entityId: id, before: presentProduct(current) });
  });
}
