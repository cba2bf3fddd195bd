import { execFileSync } from "node:child_process";
import path from "node:path";

// One production build per test run, shared by every test that inspects dist/ or serves it.
// ALVH_SKIP_BUILD=1 reuses the dist/ already there (for quick runs of pure tests while developing).
export default function setup(): void {
  if (process.env.ALVH_SKIP_BUILD === "1") return;
  const root = path.resolve(__dirname, "../..");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production"],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    }
  );
}
