export * from "./orgs";
export * from "./auth";
export * from "./audit";
export * from "./notifications";
export * from "./questionnaires";
