import type { ImportEntity } from "@openkam/domain";
import { accountsImporter } from "./accounts-import.repository";
import { contactsImporter } from "./contacts-import.repository";
import type { EntityImporter } from "./imports.entity";
import { interactionsImporter } from "./interactions-import.repository";
import { ordersImporter } from "./orders-import.repository";
import { productsImporter } from "./products-import.repository";

/** The importer of each entity. */
export const IMPORTERS = {
  accounts: accountsImporter,
  contacts: contactsImporter,
  products: productsImporter,
  orders: ordersImporter,
  interactions: interactionsImporter,
} as const satisfies Record<ImportEntity, EntityImporter<never>>;
