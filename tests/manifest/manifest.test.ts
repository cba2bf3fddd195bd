import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/hosts/excel/actions";
import { checkManifest } from "./check-manifest";
import { readPngSize, readRgbaPixels } from "./png";

const root = path.resolve(__dirname, "../..");
const { DEV_URL } = createRequire(import.meta.url)("../../scripts/hosting-url.js") as {
  DEV_URL: string;
};
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
// dist/ is the production build of the global setup: what Office downloads is what gets checked.
const served = { baseUrl: DEV_URL, root: path.join(root, "dist") };
const SIZES = [16, 32, 64, 80];

describe("manifest.xml", () => {
  it("passes every offline load check against the built add-in", () => {
    expect(checkManifest(manifest, served)).toEqual([]);
  });

  it("has a Write schedule command and shortcuts bound to the actions the pane associates", () => {
    const shortcuts = JSON.parse(readFileSync(path.join(root, "dist/shortcuts.json"), "utf8")) as {
      actions: { id: string }[];
      shortcuts: { action: string; key: { default: string; mac?: string } }[];
    };
    expect(shortcuts.actions.map((a) => a.id).sort()).toEqual(Object.values(ACTIONS).sort());
    expect(shortcuts.shortcuts.map((s) => s.action).sort()).toEqual(Object.values(ACTIONS).sort());
    for (const s of shortcuts.shortcuts) {
      // Office requires a modifier; Ctrl+Alt+Shift keeps clear of Excel's own shortcuts.
      expect(s.key.default).toMatch(/^Ctrl\+Alt\+Shift\+[A-Z]$/);
      expect(s.key.mac).toMatch(/^Command\+Option\+Shift\+[A-Z]$/);
    }
    expect(manifest).toContain(`<FunctionName>${ACTIONS.writeSchedule}</FunctionName>`);
    expect(manifest).toMatch(/<bt:String id="WriteButton.Label" DefaultValue="Write schedule" \/>/);
  });

  it("ships icons of 16, 32, 64 and 80 px in assets/", () => {
    for (const size of SIZES) {
      expect(readPngSize(path.join(root, "assets", `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
  });
});

describe("assets/ icons", () => {
  const redrawn = mkdtempSync(path.join(os.tmpdir(), "alvh-icons-"));
  afterAll(() => rmSync(redrawn, { recursive: true, force: true }));

  it("are exactly what scripts/draw-icons.mjs draws, pixel for pixel", () => {
    execFileSync(process.execPath, [path.join(root, "scripts/draw-icons.mjs"), "--out", redrawn], {
      stdio: "ignore",
    });
    for (const size of SIZES) {
      const committed = readRgbaPixels(path.join(root, "assets", `icon-${size}.png`));
      const fresh = readRgbaPixels(path.join(redrawn, `icon-${size}.png`));
      expect(committed.size).toEqual({ width: size, height: size });
      expect(
        committed.pixels.equals(fresh.pixels),
        `icon-${size}.png differs: run node scripts/draw-icons.mjs`
      ).toBe(true);
    }
  });

  it("are opaque inside and transparent at the rounded corners", () => {
    const { pixels } = readRgbaPixels(path.join(root, "assets", "icon-32.png"));
    const alpha = (x: number, y: number): number => pixels[(y * 32 + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(16, 16)).toBe(255);
  });
});

// Each case breaks one thing a real manifest gets wrong and names the sentence the checker must say.
const MUTATIONS: Array<{ name: string; from: string | RegExp; to: string; says: string }> = [
  {
    name: "a ribbon command no action answers",
    from: "<FunctionName>WriteSchedule</FunctionName>",
    to: "<FunctionName>WriteSchedul</FunctionName>",
    says: 'ExecuteFunction "WriteSchedul" is not an action',
  },
  {
    name: "a command button without its function",
    from: "<FunctionName>WriteSchedule</FunctionName>",
    to: "",
    says: "has no <FunctionName>",
  },
  {
    name: "a missing shortcuts file",
    from: "3000/shortcuts.json",
    to: "3000/keys.json",
    says: "ExtendedOverrides points at",
  },
  {
    name: "shortcuts declared before VersionOverrides",
    from: "<VersionOverrides xmlns=",
    to: '<ExtendedOverrides Url="https://localhost:3000/shortcuts.json" /><VersionOverrides xmlns=',
    says: "must follow <VersionOverrides> directly",
  },
  { name: "an unclosed element", from: "</Permissions>", to: "", says: "not well-formed XML" },
  {
    name: "a Runtime on another resid",
    from: '<Runtime resid="Taskpane.Url"',
    to: '<Runtime resid="Functions.Script.Url"',
    says: "#BUSY!",
  },
  {
    name: "a custom-functions Page on its own resid",
    from: /<Page>\s*<SourceLocation resid="Taskpane.Url"/,
    to: '<Page><SourceLocation resid="Help.Url"',
    says: "custom-functions Page=Help.Url",
  },
  {
    name: "a FunctionFile on another resid",
    from: '<FunctionFile resid="Taskpane.Url"',
    to: '<FunctionFile resid="Help.Url"',
    says: "FunctionFile=Help.Url",
  },
  {
    name: "a resid nobody defined",
    from: '<Label resid="Group.Label"',
    to: '<Label resid="Group.Lable"',
    says: 'resid "Group.Lable" used by <Label> is not defined',
  },
  {
    name: "a resid of the wrong kind",
    from: '<LearnMoreUrl resid="Help.Url"',
    to: '<LearnMoreUrl resid="Group.Label"',
    says: "must be a bt:Urls entry, not bt:ShortStrings",
  },
  {
    name: "a plain-http URL",
    from: '"https://localhost:3000/functions.js"',
    to: '"http://localhost:3000/functions.js"',
    says: "only over https",
  },
  {
    name: "an Id that is not a GUID",
    from: /<Id>[^<]*<\/Id>/,
    to: "<Id>alvh-excel</Id>",
    says: "is not a GUID",
  },
  {
    name: "a three-part Version",
    from: "<Version>1.0.0.0</Version>",
    to: "<Version>1.0.0</Version>",
    says: "n.n.n.n",
  },
  {
    name: "another namespace",
    from: '<bt:String id="Functions.Namespace" DefaultValue="ALVH"',
    to: '<bt:String id="Functions.Namespace" DefaultValue="CONTOSO"',
    says: 'namespace is "CONTOSO"',
  },
  {
    name: "a read-only permission",
    from: "<Permissions>ReadWriteDocument<",
    to: "<Permissions>ReadDocument<",
    says: "needs ReadWriteDocument",
  },
  {
    name: "an icon declared at the wrong size",
    from: '<bt:Image size="32" resid="Icon.32x32" />',
    to: '<bt:Image size="32" resid="Icon.16x16" />',
    says: "declared 32 px but assets/icon-16.png is 16×16",
  },
  {
    name: "a missing icon file",
    from: "assets/icon-80.png",
    to: "assets/icon-81.png",
    says: "is not in",
  },
  {
    name: "a short-lived runtime",
    from: 'lifetime="long"',
    to: 'lifetime="short"',
    says: 'needs lifetime="long"',
  },
  {
    name: "a resource defined twice",
    from: '<bt:Url id="Help.Url"',
    to: '<bt:Url id="Taskpane.Url"',
    says: 'resource id "Taskpane.Url" is defined twice',
  },
  {
    name: "no SharedRuntime requirement",
    from: /<Set Name="SharedRuntime"[^>]*>/,
    to: "",
    says: '<Set Name="SharedRuntime"',
  },
  {
    name: "a task pane without its id",
    from: /<TaskpaneId>[^<]*<\/TaskpaneId>/,
    to: "",
    says: "ShowTaskpane has no TaskpaneId",
  },
  { name: "the button on another tab", from: 'id="TabHome"', to: 'id="TabData"', says: "Home tab" },
  {
    name: "a resid longer than Office accepts",
    from: /"Functions\.Metadata\.Url"/g,
    to: '"Functions.Metadata.SourceLocation.Url"',
    says: "longer than 32 characters",
  },
  {
    name: "metadata served from another host",
    from: '"https://localhost:3000/functions.json"',
    to: '"https://cdn.example.com/functions.json"',
    says: "outside the add-in's host",
  },
];

describe("the manifest checker", () => {
  it.each(MUTATIONS)("reports $name", ({ from, to, says }) => {
    const broken = manifest.replace(from, to);
    expect(broken, "the mutation must change the manifest").not.toBe(manifest);
    const problems = checkManifest(broken, served);
    expect(
      problems.some((problem) => problem.includes(says)),
      problems.join("\n")
    ).toBe(true);
  });
});
