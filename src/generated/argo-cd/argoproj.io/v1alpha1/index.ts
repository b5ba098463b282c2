export * from "./Application";
