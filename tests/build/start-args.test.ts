/**
 * `npm start`'s arguments, without the network: which mode each command line picks and the npx
 * command that sideloads, with office-addin-debugging pinned to one version.
 */
import { describe, expect, it } from "vitest";
import {
  OFFICE_ADDIN_DEBUGGING,
  parseStartArgs,
  sideloadArgs,
  stopArgs,
} from "../../scripts/start-args.mjs";

const DOC = "https://contoso-my.sharepoint.com/:x:/g/personal/me/EaBcD?e=xyz";

describe("npm start arguments", () => {
  it("pins office-addin-debugging to an exact version", () => {
    expect(OFFICE_ADDIN_DEBUGGING).toMatch(/^office-addin-debugging@\d+\.\d+\.\d+$/);
    expect(stopArgs("manifest.xml")).toEqual([
      "--yes",
      OFFICE_ADDIN_DEBUGGING,
      "stop",
      "manifest.xml",
    ]);
  });

  it("sideloads into Excel desktop on Windows and macOS, standalone on Linux or when asked", () => {
    expect(parseStartArgs([], "win32")).toEqual({ mode: "desktop" });
    expect(parseStartArgs([], "darwin")).toEqual({ mode: "desktop" });
    expect(parseStartArgs([], "linux")).toEqual({ mode: "standalone" });
    expect(parseStartArgs(["--standalone"], "win32")).toEqual({ mode: "standalone" });
    expect(sideloadArgs("/a/manifest.xml", { mode: "desktop" })).toEqual([
      "--yes",
      OFFICE_ADDIN_DEBUGGING,
      "start",
      "/a/manifest.xml",
      "desktop",
      "--app",
      "excel",
    ]);
  });

  it.each([[["--document", DOC]], [["web", "--document", DOC]], [[`--document=${DOC}`]]])(
    "sideloads into the web document on any platform: %j",
    (argv) => {
      for (const platform of ["linux", "win32", "darwin"]) {
        const start = parseStartArgs(argv, platform);
        expect(start).toEqual({ mode: "web", document: DOC });
        expect(sideloadArgs("/a/manifest.xml", { mode: "web", document: DOC })).toEqual([
          "--yes",
          OFFICE_ADDIN_DEBUGGING,
          "start",
          "/a/manifest.xml",
          "web",
          "--app",
          "excel",
          "--document",
          DOC,
        ]);
      }
    }
  );

  it.each([
    [["--document"], /needs the URL/],
    [["--document", "not a url"], /is not a URL/],
    [["--document", "http://example.org/book.xlsx"], /must be an https:\/\/ link/],
    [["--document", DOC, "--standalone"], /exclude each other/],
    [["--desktop"], /unknown argument --desktop/],
  ])("refuses %j with a message naming the fix", (argv, message) => {
    expect(parseStartArgs(argv, "linux").error).toMatch(message);
  });

  it("refuses a bare web instead of sideloading into desktop", () => {
    for (const platform of ["linux", "win32", "darwin"]) {
      expect(parseStartArgs(["web"], platform)).toEqual({
        error: "web needs --document <workbook URL>",
      });
      expect(parseStartArgs(["web", "--standalone"], platform).error).toMatch(/web needs/);
    }
  });

  it("has nothing to sideload standalone", () => {
    expect(() => sideloadArgs("m.xml", { mode: "standalone" })).toThrow(/nothing to sideload/);
  });
});
