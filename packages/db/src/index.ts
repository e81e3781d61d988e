export * as schema from "./schema/index";
export * from "./schema/index";
export { createDatabase, databaseConfigFromEnv, type DatabaseConfig } from "./connection/create-database";
export { copyField, type Database, type Db, type Orm } from "./connection/database";
export { DataDirLockedError } from "./connection/data-dir-lock";
export { DatabaseError, isDatabaseError, PG_ERRORS, type DatabaseKind, type ListenEvent, type Listener } from "./connection/driver";
export { migrate } from "./connection/migrate";
export { newId } from "./ids";
export { ORDER_BOOK_CHANGES_KEPT, raiseOrderBookRevision } from "./order-book-revisions";
