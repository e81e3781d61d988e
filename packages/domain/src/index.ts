export * from "./enums/index";
export * from "./access/roles";
export * from "./analytics/index";
