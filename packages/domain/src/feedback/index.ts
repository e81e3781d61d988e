export * from "./loop";
export * from "./time-in-state";
export * from "./overdue";
export * from "./metrics";
export * from "./report";
