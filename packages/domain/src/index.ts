export * from "./enums/index";
export * from "./access/roles";
