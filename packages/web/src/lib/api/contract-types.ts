import type { ZAccountPage, ZActivityPage, ZApiTokenList, ZContactPage, ZInteractionPage, ZOrderPage, ZTaskPage, ZUserPage } from "@openkam/contracts";
import type { z } from "zod";

/** Response types the contracts define only as schemas, inferred here (types only: no zod in the bundle). */
export type TAccountPage = z.infer<typeof ZAccountPage>;
export type TActivityPage = z.infer<typeof ZActivityPage>;
export type TApiTokenList = z.infer<typeof ZApiTokenList>;
export type TContactPage = z.infer<typeof ZContactPage>;
export type TInteractionPage = z.infer<typeof ZInteractionPage>;
export type TOrderPage = z.infer<typeof ZOrderPage>;
export type TTaskPage = z.infer<typeof ZTaskPage>;
export type TUserPage = z.infer<typeof ZUserPage>;
