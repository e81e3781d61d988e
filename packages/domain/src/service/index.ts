export * from "./business-hours";
export * from "./sla-targets";
export * from "./sla-clock";
export * from "./response-metrics";
export * from "./cases";
