export { WorldPlayClient, type CallOptions, type WorldPlayClientOptions } from "./client.js";
export { WorldPlayError, type ProblemDetails } from "./errors.js";
export { SceneStream, type SceneStreamOptions } from "./stream.js";
export type * from "./messages.js";
