// What `npm start` does with its arguments, kept apart from the network and processes so the
// argument building is tested on its own (tests/build/start-args.test.ts).

/**
 * Pinned: office-addin-debugging is fetched with npx, not installed (its releases have broken
 * `npm install` on Linux), so the version is fixed here and raised deliberately.
 */
export const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@7.0.0";

/**
 * `npm start [-- [web] --document <url>] [-- --standalone]`: a document URL (the link of a
 * workbook in OneDrive or SharePoint) sideloads into Excel on the web, on any platform.
 * Returns the mode or a message naming what is wrong.
 */
export function parseStartArgs(argv, platform) {
  let document = null;
  let standalone = false;
  let web = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--standalone") standalone = true;
    else if (arg === "web") web = true;
    else if (arg === "--document" || arg.startsWith("--document=")) {
      const value = arg === "--document" ? argv[++i] : arg.slice("--document=".length);
      if (!value) return { error: "--document needs the URL of a workbook in Excel on the web" };
      let url;
      try {
        url = new URL(value);
      } catch {
        return {
          error: `--document ${value} is not a URL: copy the workbook's link from Excel on the web`,
        };
      }
      if (url.protocol !== "https:") {
        return {
          error: `--document ${value} must be an https:// link to a workbook in Excel on the web`,
        };
      }
      document = url.href;
    } else {
      return {
        error: `unknown argument ${arg}: use --standalone, or --document <workbook URL> to sideload into Excel on the web`,
      };
    }
  }
  // Without a document, a bare `web` would fall through to desktop or standalone unnoticed.
  if (web && !document) return { error: "web needs --document <workbook URL>" };
  if (document && standalone) {
    return { error: "--document and --standalone exclude each other: pick one" };
  }
  if (document) return { mode: "web", document };
  const desktop = (platform === "win32" || platform === "darwin") && !standalone;
  return { mode: desktop ? "desktop" : "standalone" };
}

/** npx arguments that sideload the manifest into Excel desktop, or into the web document. */
export function sideloadArgs(manifest, start) {
  const base = ["--yes", OFFICE_ADDIN_DEBUGGING, "start", manifest];
  if (start.mode === "web") return [...base, "web", "--app", "excel", "--document", start.document];
  if (start.mode === "desktop") return [...base, "desktop", "--app", "excel"];
  throw new Error(`nothing to sideload in ${start.mode} mode`);
}

/** npx arguments that unregister the add-in again when `npm start` stops. */
export function stopArgs(manifest) {
  return ["--yes", OFFICE_ADDIN_DEBUGGING, "stop", manifest];
}
