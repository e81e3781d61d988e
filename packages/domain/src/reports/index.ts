export * from "./quarter";
export * from "./measures";
