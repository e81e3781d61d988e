export * from "./dates";
export * from "./cadence";
export * from "./coverage";
export * from "./reporting-lines";
