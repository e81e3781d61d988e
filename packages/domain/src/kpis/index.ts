export * from "./periods";
export * from "./financial";
export * from "./customer";
export * from "./process";
export * from "./registry";
export * from "./scorecard";
