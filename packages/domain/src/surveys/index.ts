export * from "./definition";
export * from "./answers";
export * from "./metrics";
export * from "./schedule";
