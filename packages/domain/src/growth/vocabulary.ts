/** The stages of an opportunity, in the order a deal moves through them; won and lost close it. */
export const OPPORTUNITY_STAGES = ["qualify", "develop", "propose", "negotiate", "won", "lost"] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export const OPEN_OPPORTUNITY_STAGES = ["qualify", "develop", "propose", "negotiate"] as const satisfies readonly OpportunityStage[];

export const isOpenStage = (stage: OpportunityStage): boolean => (OPEN_OPPORTUNITY_STAGES as readonly string[]).includes(stage);

/** Stage order for sorting: open stages by progress, then won, then lost. */
export const compareOpportunityStages = (a: OpportunityStage, b: OpportunityStage): number => OPPORTUNITY_STAGES.indexOf(a) - OPPORTUNITY_STAGES.indexOf(b);

/** What a whitespace cell (a product for a business unit or site) shows. */
export const WHITESPACE_STATES = ["bought", "in_pipeline", "opportunity", "not_relevant"] as const;
export type WhitespaceState = (typeof WHITESPACE_STATES)[number];

/** The states a user sets by hand; "in pipeline" always comes from open opportunities. */
export const WHITESPACE_MANUAL_STATES = ["bought", "opportunity", "not_relevant"] as const satisfies readonly WhitespaceState[];
export type WhitespaceManualState = (typeof WHITESPACE_MANUAL_STATES)[number];

export const BUSINESS_UNIT_KINDS = ["business_unit", "site"] as const;
export type BusinessUnitKind = (typeof BUSINESS_UNIT_KINDS)[number];

export const INITIATIVE_STATUSES = ["proposed", "active", "delivered", "cancelled"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** What kind of value a joint initiative brings the customer. */
export const INITIATIVE_VALUE_KINDS = ["cost_saved", "revenue_gained"] as const;
export type InitiativeValueKind = (typeof INITIATIVE_VALUE_KINDS)[number];

/** The journey stages an account starts with; each account may rename, add, remove and reorder them. */
export const DEFAULT_JOURNEY_STAGES = ["evaluate", "buy", "onboard", "use", "renew"] as const;

/** Whether a bought product still counts as bought: ordered in this many months before today. */
export const WHITESPACE_BOUGHT_MONTHS = 24;
