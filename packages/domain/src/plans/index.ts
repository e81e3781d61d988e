export * from "./vocabulary";
export * from "./progress";
export * from "./validation";
export * from "./templates";
