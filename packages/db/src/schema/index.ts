export * from "./admin";
export * from "./identity";
export * from "./notifications";
