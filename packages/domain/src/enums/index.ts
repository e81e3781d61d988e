/**
 * The closed vocabularies of OpenKAM. They are shared by the database (check
 * constraints), the API contracts (Zod enums) and the web app (labels), so a
 * value added here is added everywhere.
 */

export const ORG_ROLES = ["admin", "director", "account_manager", "member", "viewer"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const ACCOUNT_TIERS = ["strategic", "key", "growth", "standard"] as const;
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

export const ACCOUNT_STATUSES = ["prospect", "active", "at_risk", "inactive", "churned"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_SIZES = ["small", "medium", "large", "enterprise"] as const;
export type AccountSize = (typeof ACCOUNT_SIZES)[number];

export const BUYING_ROLES = ["decision_maker", "influencer", "champion", "user", "gatekeeper", "blocker"] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const TEAM_ROLES = ["kam_lead", "sales", "marketing", "product", "support", "executive_sponsor"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const INTERACTION_TYPES = ["visit", "call", "meeting", "email", "qbr", "executive_meeting"] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const TASK_STATUSES = ["todo", "in_progress", "blocked", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Where a task came from: a task made from an interaction's next step, a plan action, a case, a journey improvement or a feedback item's improvement action. */
export const TASK_SOURCES = ["interaction", "plan", "case", "journey", "feedback"] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const ORDER_STATUSES = ["confirmed", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const IMPORT_ENTITIES = ["accounts", "contacts", "products", "orders", "interactions"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const EXPORT_ENTITIES = ["accounts", "contacts", "products", "orders", "interactions", "tasks"] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];

export const IMPORT_MODES = ["all-or-nothing", "valid-rows"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
