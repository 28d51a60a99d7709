export * from "./addresses";
export * from "./admin";
export * from "./catalog";
export * from "./common";
export * from "./identity";
export * from "./media";
export * from "./sellers";
