export * from "./vocabulary";
export * from "./money";
export * from "./pipeline";
export * from "./initiatives";
export * from "./whitespace";
export * from "./journey";
