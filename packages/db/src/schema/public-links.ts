import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Hits on public (unauthenticated) endpoints per key and fixed window, shared by every server
 * instance. A key names what is limited ("survey-token:<hash>", "ip:<address>"); it belongs to no
 * organization because a guesser's address does not.
 */
export const publicRateLimits = pgTable("public_rate_limits", {
  bucket: text("bucket").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
  hits: integer("hits").notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.bucket, t.windowStart] }),
  index("public_rate_limits_window_idx").on(t.windowStart),
]);
