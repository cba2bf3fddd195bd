/**
 * Where the pane runs. Inside Excel, office.js reports the host through Office.onReady. In a plain
 * browser it reports no host; when office.js could not be fetched at all (offline, blocked CDN)
 * `Office` is undefined; and a stalled office.js never calls back. The last two must not leave the
 * trader waiting, so after `timeoutMs` the page runs standalone — unless Office itself opened the
 * page (see `openedByOffice`): then a slow start (a cold Excel on the web) is waited out, because
 * running standalone inside Excel would keep the book in the browser instead of the workbook.
 */
export type HostMode = { kind: "excel" } | { kind: "standalone"; reason: string };

/** The part of office.js this needs (a fake in tests). */
export interface OfficeLike {
  onReady(callback?: (info: { host: unknown }) => void): Promise<{ host: unknown }>;
  HostType: { Excel: unknown };
}

/** The parts of `window` where Office leaves its host information for office.js. */
export interface PageLike {
  location: { search: string; hash: string };
  name: string;
  sessionStorage?: { getItem(key: string): string | null };
  external?: unknown;
}

export const OFFICE_TIMEOUT_MS = 1500;

/**
 * Whether an Office host opened this page. Office hands office.js its host information in one of
 * four places, which office.js reads in this order (see `_retrieveHostInfo` in office.debug.js):
 * `window.external.GetHostInfo` (Excel on Windows), the `_host_Info` URL parameter, `hostInfo`
 * in the JSON of `window.name`, or `hostInfoValue` kept in sessionStorage after a navigation.
 */
export function openedByOffice(page: PageLike): boolean {
  const readers: (() => boolean)[] = [
    () => typeof (page.external as { GetHostInfo?: unknown })?.GetHostInfo === "function",
    () => /[?&#]_host_Info=/.test(page.location.search + page.location.hash),
    () => Boolean((JSON.parse(page.name) as { hostInfo?: unknown } | null)?.hostInfo),
    () => Boolean(page.sessionStorage?.getItem("hostInfoValue")),
  ];
  // Each place may be missing, malformed or guarded by the browser (storage, window.external).
  return readers.some((read) => {
    try {
      return read();
    } catch {
      return false;
    }
  });
}

export function detectHost(
  office: OfficeLike | undefined,
  options: { openedByOffice?: boolean; timeoutMs?: number } = {}
): Promise<HostMode> {
  if (!office || typeof office.onReady !== "function") {
    return Promise.resolve({ kind: "standalone", reason: "office.js is not available" });
  }
  return new Promise((resolve) => {
    const timer = options.openedByOffice
      ? undefined
      : setTimeout(
          () => resolve({ kind: "standalone", reason: "office.js did not answer in time" }),
          options.timeoutMs ?? OFFICE_TIMEOUT_MS
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
