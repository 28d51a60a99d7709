export * from "./admin";
export * from "./catalog";
export * from "./identity";
export * from "./media";
export * from "./notifications";
export * from "./sellers";
