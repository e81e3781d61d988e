export * from "./identity";
export * from "./accounts";
export * from "./commerce";
export * from "./activities";
export * from "./operations";
export * from "./views";
export * from "./analytics";
export * from "./cadence";
