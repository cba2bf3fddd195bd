/**
 * LibreOffice headless as an independent spreadsheet engine: it opens .xlsx files, recalculates
 * every formula from the cells (never trusting the cached values the writer put there) and saves
 * the result, so a test can compare what LibreOffice computed with what the ALVH engine computed.
 *
 * - The profile is project-local (tests/.artifacts/lo-profile, git-ignored) and seeded with
 *   "always recalculate on load" for OOXML and ODF files: without it LibreOffice keeps the cached
 *   values of files it thinks Excel wrote, and a test would only read back its own numbers.
 * - Two soffice processes must never share a profile: every run holds an flock on it, so test
 *   files that run in parallel workers queue instead of corrupting it.
 * - Each start of soffice costs seconds: convert every file a test needs in one call.
 */
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

export const SOFFICE = "/usr/bin/soffice";
const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "tests/.artifacts");
const PROFILE = path.join(ARTIFACTS, "lo-profile");
const LOCK = path.join(ARTIFACTS, "lo-profile.lock");
/**
 * Seconds one soffice call may take, once it holds the lock: a cold first start (creating the
 * profile) takes ~20 s on a busy 2-core machine. Waiting in the queue for the lock does not count.
 */
const SOFFICE_SECONDS = 150;

/** 0 = "always recalculate" for Calc's Formula/Load RecalcMode settings. */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function seedsRecalc(xcu: string): boolean {
  return ["OOXMLRecalcMode", "ODFRecalcMode"].every((prop) =>
    new RegExp(`oor:name="${prop}" oor:op="fuse"><value>0</value>`).test(xcu)
  );
}

/** Creates the profile with the recalc settings, or restores them if LibreOffice lost them. */
function seedProfile(): void {
  const user = path.join(PROFILE, "user");
  const xcu = path.join(user, "registrymodifications.xcu");
  if (existsSync(xcu) && seedsRecalc(readFileSync(xcu, "utf8"))) return;
  mkdirSync(user, { recursive: true });
  // Another worker may seed at the same moment: write whole files and rename them into place.
  const temp = `${xcu}.${process.pid}`;
  writeFileSync(temp, RECALC_ALWAYS);
  renameSync(temp, xcu);
}

/**
 * Runs soffice under the profile lock. The time limit is `timeout`'s, inside flock, so it covers
 * soffice alone: test files queued behind each other's calls would otherwise spend their limit
 * waiting for the lock. No limit on the whole call: every call ahead in the queue is bounded.
 */
function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      "flock",
      [LOCK, "timeout", "--kill-after=10", String(SOFFICE_SECONDS), SOFFICE, ...args],
      { env: { ...process.env, SAL_USE_VCLPLUGIN: "svp" } },
      (error, stdout, stderr) => {
        if (!error) resolve({ stdout, stderr });
        else {
          const late = error.code === 124 ? ` (over ${SOFFICE_SECONDS} s: stopped)` : "";
          reject(new Error(`soffice failed${late}: ${error.message}\n${stdout}\n${stderr}`));
        }
      }
    );
  });
}

/**
 * Opens each .xlsx file in LibreOffice, recalculates it and saves it again as .xlsx (cached values
 * now LibreOffice's), all in one soffice call. Keys are base names (no extension).
 */
export function recalculate(
  files: Record<string, Uint8Array>
): Promise<Record<string, Uint8Array>> {
  return convert(files, "xlsx", "xlsx:Calc Office Open XML");
}

/** Prints each .xlsx file to PDF as LibreOffice would (its page setup, charts drawn), in one call. */
export function printToPdf(files: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  return convert(files, "pdf", "pdf:calc_pdf_Export");
}

async function convert(
  files: Record<string, Uint8Array>,
  extension: string,
  filter: string
): Promise<Record<string, Uint8Array>> {
  const names = Object.keys(files);
  if (names.length === 0) return {};
  mkdirSync(ARTIFACTS, { recursive: true });
  seedProfile();
  const work = mkdtempSync(path.join(ARTIFACTS, "lo-run-"));
  const input = path.join(work, "in");
  const output = path.join(work, "out");
  mkdirSync(input);
  mkdirSync(output);
  for (const name of names) {
    if (!/^[\w-]+$/.test(name))
      throw new Error(`file name ${name} must be letters, digits, _ or -`);
    writeFileSync(path.join(input, `${name}.xlsx`), files[name]);
  }
  const { stdout, stderr } = await run([
    `-env:UserInstallation=file://${PROFILE}`,
    "--headless",
    "--norestore",
    "--nologo",
    "--nolockcheck",
    "--convert-to",
    filter,
    "--outdir",
    output,
    ...names.map((name) => path.join(input, `${name}.xlsx`)),
  ]);
  const result: Record<string, Uint8Array> = {};
  for (const name of names) {
    const file = path.join(output, `${name}.${extension}`);
    if (!existsSync(file)) {
      throw new Error(
        `LibreOffice did not convert ${name}.xlsx (kept in ${work})\n${stdout}\n${stderr}`
      );
    }
    result[name] = new Uint8Array(readFileSync(file));
  }
  rmSync(work, { recursive: true, force: true });
  return result;
}
