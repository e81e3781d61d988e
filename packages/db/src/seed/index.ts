export { DEFAULT_DEMO_SEED, generateDemo, TEST_DEMO_SCALE, type DemoData, type DemoOptions } from "./demo-generator";
export type {
  AccountRow, ContactRow, DemoInteraction, DemoOrder, InteractionContactRow, InteractionRow, InteractionUserRow, MembershipRow, OrderLineRow,
  OrderRow, OrganizationRow, ProductRow, TaskRow, TeamMemberRow, UserRow,
} from "./demo-types";
export { DEMO_LOGIN, DEMO_ORG_NAME, DEMO_USERS } from "./demo-users";
export { DemoAlreadySeededError, seedDemo, type SeedDemoOptions, type SeedDemoResult } from "./seed-demo";
