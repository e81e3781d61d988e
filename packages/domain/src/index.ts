export * from "./enums/index";
export * from "./access/roles";
export * from "./analytics/index";
export * from "./relate/index";
export * from "./service/index";
export * from "./growth/index";
export * from "./programme/index";
