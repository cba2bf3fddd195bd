// `npm start`: serves the add-in over HTTPS on the development host with office-addin-dev-certs'
// certificates, then sideloads it into Excel desktop on Windows/macOS, into Excel on the web with
// `npm start -- --document <workbook URL>` (any platform), or, without Excel desktop (Linux, CI,
// `npm start -- --standalone`), prints the URL of the standalone web app and how to upload
// manifest.xml into Excel on the web.
import { spawn, spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseStartArgs, sideloadArgs, stopArgs } from "./start-args.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { DEV_URL } = createRequire(import.meta.url)("./hosting-url.js");
const devUrl = new URL(DEV_URL);
const pageUrl = new URL("taskpane.html", devUrl).href;
const manifest = path.join(root, "manifest.xml");
const windows = process.platform === "win32";
const excelDesktopPlatform = windows || process.platform === "darwin";
const start = parseStartArgs(process.argv.slice(2), process.platform);
if (start.error) {
  console.error(`npm start: ${start.error}`);
  process.exit(1);
}
const READY_TIMEOUT_MS = 180_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
const certs = {
  cert: path.join(certDir, "localhost.crt"),
  key: path.join(certDir, "localhost.key"),
  ca: path.join(certDir, "ca.crt"),
};

function npx(args, options = {}) {
  // npx is a .cmd on Windows, which Node only starts through a shell.
  return spawnSync("npx", args, { cwd: root, stdio: "inherit", shell: windows, ...options });
}

function certificatesUsable() {
  if (!Object.values(certs).every((file) => existsSync(file))) return false;
  const validTo = Date.parse(new X509Certificate(readFileSync(certs.cert)).validTo);
  return validTo - Date.now() > DAY_MS;
}

// Excel desktop needs the CA trusted, so on Windows/macOS `office-addin-dev-certs install` runs
// (it returns at once when everything is in place). On Linux there is no Excel desktop, and the
// install would run `sudo sh install_linux.sh` (a password prompt, or a failure without sudo), so
// the certificates are only generated, with the package's own generator, and read directly; the
// browser is told to trust the CA, or accepts the warning once.
async function ensureCertificates() {
  if (excelDesktopPlatform) {
    console.log("Preparing development certificates (office-addin-dev-certs install)…");
    npx(["--no-install", "office-addin-dev-certs", "install"]);
  } else if (!certificatesUsable()) {
    console.log(`Generating development certificates in ${certDir} (no CA install, no sudo)…`);
    // The generator keeps an existing CA file, so an expired set is replaced whole.
    for (const file of Object.values(certs)) rmSync(file, { force: true });
    const { generateCertificates } = createRequire(import.meta.url)("office-addin-dev-certs");
    await generateCertificates(certs.ca, certs.cert, certs.key);
  }
  if (!certificatesUsable()) {
    console.error(
      `No usable certificate in ${certDir}: run "npx office-addin-dev-certs install" and read its error.`
    );
    process.exit(1);
  }
}

// What listens on the port, as `ss` (or `lsof`) tells it; empty when neither can say.
function portHolder(port) {
  const ss = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const found = /users:\(\("([^"]+)",pid=(\d+)/.exec(ss.stdout ?? "");
  if (found) return `${found[1]} (pid ${found[2]})`;
  const lsof = spawnSync("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fcp"], {
    encoding: "utf8",
  });
  const pid = /^p(\d+)$/m.exec(lsof.stdout ?? "");
  const command = /^c(.+)$/m.exec(lsof.stdout ?? "");
  if (pid) return `${command ? command[1] : "a process"} (pid ${pid[1]})`;
  return (ss.stdout ?? "").trim() ? (ss.stdout ?? "").trim() : "";
}

// The dev server must own the port: otherwise another program's page could answer for it, and
// "served at" would be printed while the dev server itself has died with EADDRINUSE.
function requireFreePort(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error) => {
      if (error.code !== "EADDRINUSE" && error.code !== "EACCES") return resolve();
      const holder = portHolder(port);
      console.error(
        `Port ${port} is already in use${holder ? ` by ${holder}` : " by another program"}, so ALVH cannot be served at ${devUrl.origin}.\n` +
          `Stop that program (or the other "npm start") and run npm start again.`
      );
      process.exit(1);
    });
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function startDevServer() {
  const cli = path.join(root, "node_modules/webpack-cli/bin/cli.js");
  const args = ["serve", "--mode", "development", "--server-type", "https"];
  args.push(
    "--server-options-cert",
    certs.cert,
    "--server-options-key",
    certs.key,
    "--server-options-ca",
    certs.ca
  );
  args.push("--host", devUrl.hostname, "--port", devUrl.port || "443");
  return spawn(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
}

// Fetching the page with the CA as the only trust anchor proves the certificate and the build at once.
function pageAnswers() {
  return new Promise((resolve) => {
    const request = https.get(
      pageUrl,
      { ca: readFileSync(certs.ca), timeout: 5000 },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      }
    );
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}

async function waitUntilServed(server) {
  let exited = false;
  server.once("exit", () => (exited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!exited && Date.now() < deadline) {
    if (await pageAnswers()) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

function printStandalone(reason) {
  console.log(`
ALVH for Excel is served at ${pageUrl}
${reason} it runs as a standalone web app: open that URL in a browser.
If the browser warns about the certificate, trust ${certs.ca} (needs admin rights) or accept the warning once.

To use it inside Excel on the web instead (the browser must trust ${certs.ca}):
  1. open a workbook in Excel on the web;
  2. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in;
  3. choose ${manifest}; the "ALVH Hedge" button appears on the Home tab and =ALVH. functions in cells.

Press Ctrl+C to stop the server.`);
}

function sideloadIntoExcel() {
  const where = start.mode === "web" ? `Excel on the web (${start.document})` : "Excel desktop";
  console.log(`Sideloading manifest.xml into ${where} (npx office-addin-debugging)…`);
  return npx(sideloadArgs(manifest, start)).status === 0;
}

async function main() {
  await ensureCertificates();
  await requireFreePort(Number(devUrl.port || 443));
  console.log(`Building (development) and serving on ${devUrl.origin}…`);
  const server = startDevServer();
  let sideloaded = false;
  let failed = false;
  const stop = () => {
    if (sideloaded) npx(stopArgs(manifest));
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(failed ? 1 : (code ?? 0)));

  // The page must come from this dev server, still running, not from whatever else answers.
  if (!(await waitUntilServed(server)) || server.exitCode !== null) {
    console.error(`The dev server did not serve ${pageUrl} within ${READY_TIMEOUT_MS / 1000} s.`);
    failed = true;
    server.kill("SIGTERM");
    return;
  }
  if (start.mode !== "standalone") {
    sideloaded = sideloadIntoExcel();
    if (sideloaded) {
      console.log(
        `\nExcel opens with the add-in (Home > ALVH Hedge). Served at ${pageUrl}. Ctrl+C stops and unloads it.`
      );
      return;
    }
    printStandalone(
      start.mode === "web"
        ? "The workbook could not be opened with the add-in, so"
        : "Excel desktop could not be started, so"
    );
    return;
  }
  printStandalone(
    excelDesktopPlatform ? "With --standalone" : "Without Excel desktop (this is Linux),"
  );
}

main();
