/* global clearTimeout, setTimeout */
/**
 * Where the pane runs. Inside Excel, office.js reports the host through Office.onReady. In a plain
 * browser it reports no host; when office.js could not be fetched at all (offline, blocked CDN)
 * `Office` is undefined; and a stalled office.js never calls back. The last two must not leave the
 * trader waiting, so after `timeoutMs` the page runs standalone.
 */
export type HostMode = { kind: "excel" } | { kind: "standalone"; reason: string };

/** The part of office.js this needs (a fake in tests). */
export interface OfficeLike {
  onReady(callback?: (info: { host: unknown }) => void): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
}

export const OFFICE_TIMEOUT_MS = 1500;

export function detectHost(
  office: OfficeLike | undefined,
  timeoutMs = OFFICE_TIMEOUT_MS
): Promise<HostMode> {
  if (!office || typeof office.onReady !== "function") {
    return Promise.resolve({ kind: "standalone", reason: "office.js is not available" });
  }
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve({ kind: "standalone", reason: "office.js did not answer in time" }),
      timeoutMs
    );
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        if (info.host === office.HostType.Excel) resolve({ kind: "excel" });
        else if (info.host)
          resolve({
            kind: "standalone",
            reason: `this add-in runs in Excel, not ${String(info.host)}`,
          });
        else resolve({ kind: "standalone", reason: "no Office host" });
      },
      () => {
        clearTimeout(timer);
        resolve({ kind: "standalone", reason: "office.js failed to start" });
      }
    );
  });
}
