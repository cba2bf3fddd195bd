/**
 * The README's pictures must exist: an image reference to a file that was renamed or never
 * committed shows as a broken icon on GitHub and npm, and nothing else would notice. The
 * screenshots themselves come from `npm run screenshots` (scripts/screenshots.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SCREENSHOTS = "assets/screenshots";
const MARKDOWN_IN_DOCS = readdirSync(path.join(ROOT, "docs"))
  .filter((file) => file.endsWith(".md"))
  .map((file) => `docs/${file}`);

/** Local image targets in Markdown: `![alt](path "title")` and `<img src="path">`, outside code. */
function imageTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  const inline = [...prose.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)];
  const html = [...prose.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)];
  return [...inline, ...html]
    .map((match) => match[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .map((target) => decodeURIComponent(target.split(/[?#]/)[0]));
}

/** The image targets of `markdown` that are not a file, relative to the Markdown file's folder. */
function missingImages(markdown: string, folder: string): string[] {
  return imageTargets(markdown).filter((target) => {
    const file = path.resolve(folder, target);
    return !existsSync(file) || !statSync(file).isFile();
  });
}

describe("image references", () => {
  it("finds inline and HTML images, skips remote ones and code blocks", () => {
    const markdown = [
      '![Pane](assets/a.png "the pane") and <img alt="b" src="./docs/b.png" width="300">',
      "![remote](https://example.org/c.png) [a link](docs/d.png)",
      "```md",
      "![in code](e.png)",
      "```",
      "![spaced](<assets/f%20g.png>)",
    ].join("\n");
    expect(imageTargets(markdown)).toEqual(["assets/a.png", "assets/f g.png", "./docs/b.png"]);
  });

  it("reports a reference to a missing file, and not one to a file that exists", () => {
    const markdown = "![gone](assets/screenshots/no-such.png)\n![icon](assets/icon-32.png)";
    expect(missingImages(markdown, ROOT)).toEqual(["assets/screenshots/no-such.png"]);
  });

  it.each(["README.md", ...MARKDOWN_IN_DOCS])("%s points only at files that exist", (file) => {
    const markdown = readFileSync(path.join(ROOT, file), "utf8");
    if (file === "README.md") expect(imageTargets(markdown).length).toBeGreaterThan(0);
    expect(missingImages(markdown, path.dirname(path.join(ROOT, file)))).toEqual([]);
  });

  it(`shows every picture in ${SCREENSHOTS} in the README`, () => {
    const shown = new Set(
      imageTargets(readFileSync(path.join(ROOT, "README.md"), "utf8")).map((t) => path.normalize(t))
    );
    const files = readdirSync(path.join(ROOT, SCREENSHOTS)).map((f) => path.join(SCREENSHOTS, f));
    expect(files.filter((file) => !shown.has(file))).toEqual([]);
  });
});
