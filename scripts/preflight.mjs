// Makes sure the system tools the test suite drives are present: installs them with apt when
// running as root, otherwise stops with one line naming the package. Never a silent skip.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const tools = [
  { bin: "/usr/bin/chromium", pkg: "chromium", why: "browser tests of the task pane" },
  {
    bin: "/usr/bin/soffice",
    pkg: "libreoffice-calc-nogui",
    why: "recalculating written workbooks",
  },
  { bin: "/usr/bin/pdfinfo", pkg: "poppler-utils", why: "counting pages of printed schedules" },
  { bin: "/bin/ss", pkg: "iproute2", why: "naming the program that holds npm start's port" },
];

const missing = tools.filter((t) => !existsSync(t.bin));
if (missing.length > 0) {
  const pkgs = missing.map((t) => t.pkg);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    for (const t of missing)
      console.error(`missing ${t.bin}: install the Debian package ${t.pkg} (${t.why})`);
    process.exit(1);
  }
  console.log(`preflight: installing ${pkgs.join(", ")} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...pkgs], { stdio: "inherit", env });
  const still = missing.filter((t) => !existsSync(t.bin));
  if (still.length > 0) {
    for (const t of still)
      console.error(`preflight: ${t.bin} still missing after apt-get: install ${t.pkg}`);
    process.exit(1);
  }
}
