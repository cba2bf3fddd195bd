export type StartArgs =
  | { mode: "desktop" | "standalone"; document?: undefined; error?: undefined }
  | { mode: "web"; document: string; error?: undefined }
  | { error: string; mode?: undefined; document?: undefined };

export const OFFICE_ADDIN_DEBUGGING: string;
export function parseStartArgs(argv: readonly string[], platform: string): StartArgs;
export function sideloadArgs(
  manifest: string,
  start: { mode: "desktop" | "standalone" | "web"; document?: string }
): string[];
export function stopArgs(manifest: string): string[];
