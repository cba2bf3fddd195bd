/** The ALVH engine: every number the add-in shows comes from here. */
export * from "./black76";
export * from "./bsm";
export * from "./calendar";
export * from "./decimal";
export * from "./defaults";
export * from "./edr";
export * from "./errors";
export * from "./hedge";
export * from "./ironCondor";
export * from "./layers";
export * from "./normal";
export * from "./scenario";
export * from "./term";
export * from "./validate";
export * from "./replay";
