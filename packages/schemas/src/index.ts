export * from "./addresses";
export * from "./admin";
export * from "./common";
export * from "./identity";
