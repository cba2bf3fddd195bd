/**
 * `npm start` on Linux, as README's first screen tells a newcomer to run it: it must generate the
 * development certificates without installing a CA (no sudo here), serve the task pane over HTTPS
 * and print its URL. A `sudo` on PATH that only records its call proves no CA install is tried.
 */
import { spawn, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const home = mkdtempSync(path.join(os.tmpdir(), "alvh-start-"));
const bin = path.join(home, "bin");
const sudoCalls = path.join(home, "sudo-calls");
let start: ChildProcess;
let output = "";

function get(
  url: string,
  ca: Buffer
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers })
        );
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  mkdirSync(bin);
  writeFileSync(path.join(bin, "sudo"), `#!/bin/sh\necho "$@" >> '${sudoCalls}'\nexit 1\n`);
  chmodSync(path.join(bin, "sudo"), 0o755);
  start = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    detached: true,
    env: { ...process.env, HOME: home, PATH: `${bin}:${process.env.PATH}` },
  });
  for (const stream of [start.stdout, start.stderr]) {
    stream?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/is served at/.test(output)) {
        clearInterval(timer);
        resolve();
      }
    }, 200);
    start.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code} before serving:\n${output}`));
    });
  });
}, 240_000);

afterAll(() => {
  // The start script and the dev server it spawned share one process group.
  if (start?.pid && start.exitCode === null) process.kill(-start.pid, "SIGTERM");
  rmSync(home, { recursive: true, force: true });
});

describe("npm start without Excel desktop", () => {
  it("generates certificates without sudo and serves the task pane over HTTPS", async () => {
    expect(
      existsSync(sudoCalls),
      `sudo was called: ${existsSync(sudoCalls) && readFileSync(sudoCalls, "utf8")}`
    ).toBe(false);
    const certDir = path.join(home, ".office-addin-dev-certs");
    const ca = readFileSync(path.join(certDir, "ca.crt"));
    const page = await get("https://localhost:3000/taskpane.html", ca);
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>ALVH for Excel</title>");
    // No wildcard CORS: another site's page must not read what the dev server serves.
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("prints the URL and how to upload the manifest into Excel on the web", () => {
    expect(output).toContain("ALVH for Excel is served at https://localhost:3000/taskpane.html");
    expect(output).toMatch(
      /Without Excel desktop \(this is Linux\), it runs as a standalone web app/
    );
    expect(output).toMatch(/Upload My Add-in/);
  });

  it("refuses to start while another program holds the port, saying which, and exits non-zero", async () => {
    // This file's own npm start holds port 3000 now: a second one must not claim to serve.
    const second = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
      cwd: root,
      env: { ...process.env, HOME: home, PATH: `${bin}:${process.env.PATH}` },
    });
    let said = "";
    for (const stream of [second.stdout, second.stderr]) {
      stream?.on("data", (chunk: Buffer) => (said += chunk.toString()));
    }
    const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
    expect(code, said).not.toBe(0);
    expect(said).toMatch(/Port 3000 is already in use by [\w.-]+ \(pid \d+\)/);
    expect(said).not.toMatch(/is served at/);
  }, 240_000);
});
