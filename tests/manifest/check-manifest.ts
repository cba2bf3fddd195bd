import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { readPngSize } from "./png";

/*
 * Offline checks of what makes an XML add-in manifest fail to load in Excel. Microsoft's validator
 * (`npm run validate`) needs its online service; this runs anywhere and returns one sentence per
 * problem, empty when the manifest is sound.
 */

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";

export interface CheckOptions {
  /** The host every loaded URL must live under, ending in "/" (https://localhost:3000/ in development). */
  baseUrl: string;
  /** The folder that host serves: a path under baseUrl must exist here. */
  root: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+\.\d+\.\d+\.\d+$/;
const ANY_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAX_RESID = 32;
const MAX_LENGTH: Partial<Record<ResourceKind, number>> = {
  "bt:ShortStrings": 125,
  "bt:LongStrings": 250,
};

// Which resource list an element's resid must point into.
const RESID_KIND: Record<string, ResourceKind> = {
  "bt:Image": "bt:Images",
  SourceLocation: "bt:Urls",
  Runtime: "bt:Urls",
  FunctionFile: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Namespace: "bt:ShortStrings",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type Ordered = Record<string, unknown>;

function toNode(entry: Ordered): XmlNode | undefined {
  const name = Object.keys(entry).find((key) => key !== ":@");
  if (!name || name === "#text" || name.startsWith("?")) return undefined;
  const body = (entry[name] as Ordered[]) ?? [];
  const attrs = (entry[":@"] as Record<string, string> | undefined) ?? {};
  const text = body
    .filter((child) => "#text" in child)
    .map((child) => String(child["#text"]))
    .join("");
  const children = body.map(toNode).filter((child): child is XmlNode => child !== undefined);
  return { name, attrs, text, children };
}

function descendants(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(descendants)];
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

function parse(xml: string): XmlNode | string {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return `manifest is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`;
  }
  const root = (parser.parse(xml) as Ordered[]).map(toNode).find((node) => node !== undefined);
  return root ?? "manifest has no root element";
}

interface Resource {
  kind: ResourceKind;
  value: string;
}

function collectResources(root: XmlNode, problems: string[]): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const section = child(child(root, "VersionOverrides"), "Resources");
  for (const kind of ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"] as const) {
    for (const entry of child(section, kind)?.children ?? []) {
      const id = entry.attrs.id ?? "";
      const value = entry.attrs.DefaultValue ?? "";
      if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
      if (id.length > MAX_RESID)
        problems.push(`resource id "${id}" is longer than ${MAX_RESID} characters`);
      const max = MAX_LENGTH[kind];
      if (max !== undefined && value.length > max) {
        problems.push(`${kind} "${id}" is ${value.length} characters long; Office allows ${max}`);
      }
      resources.set(id, { kind, value });
    }
  }
  return resources;
}

function checkReferences(
  all: XmlNode[],
  resources: Map<string, Resource>,
  problems: string[]
): void {
  for (const node of all) {
    const resid = node.attrs.resid;
    if (resid === undefined) continue;
    const resource = resources.get(resid);
    if (!resource) {
      problems.push(`resid "${resid}" used by <${node.name}> is not defined in <Resources>`);
      continue;
    }
    const expected = RESID_KIND[node.name];
    if (expected && resource.kind !== expected) {
      problems.push(
        `resid "${resid}" used by <${node.name}> must be a ${expected} entry, not ${resource.kind}`
      );
    }
  }
}

function sharedRuntimeIds(root: XmlNode, all: XmlNode[], problems: string[]): void {
  const host = child(child(child(root, "VersionOverrides"), "Hosts"), "Host");
  const runtime = child(child(host, "Runtimes"), "Runtime");
  const functionsPoint = child(host, "AllFormFactors")?.children.find(
    (node) => node.name === "ExtensionPoint" && node.attrs["xsi:type"] === "CustomFunctions"
  );
  const showTaskpane = all.find(
    (node) => node.name === "Action" && node.attrs["xsi:type"] === "ShowTaskpane"
  );
  const ids: Array<[string, string | undefined]> = [
    ["Runtime", runtime?.attrs.resid],
    ["custom-functions Page", child(child(functionsPoint, "Page"), "SourceLocation")?.attrs.resid],
    ["FunctionFile", child(child(host, "DesktopFormFactor"), "FunctionFile")?.attrs.resid],
    ["ShowTaskpane SourceLocation", child(showTaskpane, "SourceLocation")?.attrs.resid],
  ];
  for (const [what, id] of ids)
    if (id === undefined) problems.push(`shared runtime: ${what} is missing`);
  const distinct = new Set(ids.map(([, id]) => id).filter((id) => id !== undefined));
  if (distinct.size > 1) {
    const listing = ids.map(([what, id]) => `${what}=${id}`).join(", ");
    problems.push(
      `shared runtime ids disagree (${listing}): Excel starts a second runtime and functions stay at #BUSY!`
    );
  }
  if (runtime && runtime.attrs.lifetime !== "long") {
    problems.push(
      `Runtime lifetime is "${runtime.attrs.lifetime ?? "short"}"; a shared runtime needs lifetime="long"`
    );
  }
  if (showTaskpane && !child(showTaskpane, "TaskpaneId")?.text) {
    problems.push(
      "ShowTaskpane has no TaskpaneId: a shared runtime supports one task pane, named by its id"
    );
  }
  if (!functionsPoint) problems.push("no CustomFunctions extension point");
  if (!child(functionsPoint, "Script") || !child(functionsPoint, "Metadata")) {
    problems.push(
      "the CustomFunctions extension point needs a Script and a Metadata SourceLocation"
    );
  }
}

function checkIdentity(
  root: XmlNode,
  resources: Map<string, Resource>,
  all: XmlNode[],
  problems: string[]
): void {
  if (root.name !== "OfficeApp" || root.attrs["xsi:type"] !== "TaskPaneApp") {
    problems.push(`root must be <OfficeApp xsi:type="TaskPaneApp">, found <${root.name}>`);
  }
  const id = child(root, "Id")?.text ?? "";
  if (!GUID.test(id)) problems.push(`Id "${id}" is not a GUID`);
  const version = child(root, "Version")?.text ?? "";
  if (!VERSION.test(version)) problems.push(`Version "${version}" is not of the form n.n.n.n`);
  const permission = child(root, "Permissions")?.text ?? "";
  if (permission !== "ReadWriteDocument") {
    problems.push(`Permissions is "${permission}"; writing the schedule needs ReadWriteDocument`);
  }
  if (!child(root, "Hosts")?.children.some((host) => host.attrs.Name === "Workbook")) {
    problems.push('Hosts must include <Host Name="Workbook" />');
  }
  const sets = child(child(root, "Requirements"), "Sets")?.children ?? [];
  if (!sets.some((set) => set.attrs.Name === "SharedRuntime")) {
    problems.push('Requirements must include <Set Name="SharedRuntime" MinVersion="1.1" />');
  }
  const namespace = all.find((node) => node.name === "Namespace")?.attrs.resid;
  const namespaceValue = namespace === undefined ? undefined : resources.get(namespace)?.value;
  if (namespaceValue !== "ALVH")
    problems.push(`custom functions namespace is "${namespaceValue}", expected "ALVH"`);
  const homeTab = all.find((node) => node.name === "OfficeTab" && node.attrs.id === "TabHome");
  const opensPane =
    homeTab && descendants(homeTab).some((n) => n.attrs["xsi:type"] === "ShowTaskpane");
  if (!opensPane) problems.push("no ribbon button on the Home tab (TabHome) opens the task pane");
}

function checkHttps(all: XmlNode[], problems: string[]): void {
  for (const node of all) {
    const values = [
      node.text,
      ...Object.entries(node.attrs)
        .filter(([key]) => !key.startsWith("xmlns"))
        .map(([, v]) => v),
    ];
    for (const value of values) {
      if (ANY_URL.test(value) && !value.startsWith("https://")) {
        problems.push(`<${node.name}> uses ${value}: Office loads add-in content only over https`);
      }
    }
  }
}

interface Loaded {
  what: string;
  url: string;
  pixels?: number;
}

/** Everything Office downloads or links to, with the pixel size an image must have. */
function loadedUrls(root: XmlNode, all: XmlNode[], resources: Map<string, Resource>): Loaded[] {
  const loaded: Loaded[] = [];
  const direct: Array<[string, XmlNode | undefined, number | undefined]> = [
    ["IconUrl", child(root, "IconUrl"), 32],
    ["HighResolutionIconUrl", child(root, "HighResolutionIconUrl"), 64],
    [
      "DefaultSettings SourceLocation",
      child(child(root, "DefaultSettings"), "SourceLocation"),
      undefined,
    ],
    ["SupportUrl", child(root, "SupportUrl"), undefined],
  ];
  for (const [what, node, pixels] of direct) {
    if (node?.attrs.DefaultValue) loaded.push({ what, url: node.attrs.DefaultValue, pixels });
  }
  const overrides = child(root, "ExtendedOverrides");
  if (overrides?.attrs.Url) loaded.push({ what: "ExtendedOverrides", url: overrides.attrs.Url });
  for (const node of all) {
    const resource = node.attrs.resid === undefined ? undefined : resources.get(node.attrs.resid);
    if (!resource) continue;
    if (node.name === "bt:Image") {
      loaded.push({
        what: `bt:Image ${node.attrs.resid}`,
        url: resource.value,
        pixels: Number(node.attrs.size),
      });
    } else if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(node.name)) {
      loaded.push({ what: `<${node.name}> ${node.attrs.resid}`, url: resource.value });
    }
  }
  return loaded;
}

function checkLoadedFiles(loaded: Loaded[], options: CheckOptions, problems: string[]): void {
  for (const { what, url, pixels } of loaded) {
    if (!url.startsWith(options.baseUrl)) {
      problems.push(`${what} points at ${url}, outside the add-in's host ${options.baseUrl}`);
      continue;
    }
    const relative = decodeURIComponent(url.slice(options.baseUrl.length).split(/[?#]/)[0]);
    const file = path.join(options.root, relative);
    if (!existsSync(file)) {
      problems.push(`${what} points at ${url}, but ${relative} is not in ${options.root}`);
      continue;
    }
    if (pixels === undefined) continue;
    const size = readPngSize(file);
    if (size.width !== pixels || size.height !== pixels) {
      problems.push(
        `${what} is declared ${pixels} px but ${relative} is ${size.width}×${size.height}`
      );
    }
  }
}

interface Shortcuts {
  actions?: { id?: string; type?: string; name?: string }[];
  shortcuts?: { action?: string; key?: { default?: string } }[];
}

/** The shortcuts file <ExtendedOverrides> names, as served; undefined when it cannot be read. */
function readShortcuts(
  url: string,
  options: CheckOptions,
  problems: string[]
): Shortcuts | undefined {
  const file = path.join(options.root, url.slice(options.baseUrl.length).split(/[?#]/)[0]);
  if (!url.startsWith(options.baseUrl) || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Shortcuts;
  } catch (error) {
    problems.push(`ExtendedOverrides ${url} is not JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Commands that run code in the shared runtime: every ExecuteFunction button names an action,
 * <ExtendedOverrides> sits right after <VersionOverrides>, and its shortcuts file declares each
 * action once (type ExecuteFunction, with a name) and gives each shortcut a declared action and
 * a default key.
 */
function checkCommands(
  root: XmlNode,
  all: XmlNode[],
  options: CheckOptions,
  problems: string[]
): void {
  const index = root.children.findIndex((c) => c.name === "ExtendedOverrides");
  const overrides = root.children[index];
  if (overrides && root.children[index - 1]?.name !== "VersionOverrides") {
    problems.push("<ExtendedOverrides> must follow <VersionOverrides> directly");
  }
  const shortcuts = overrides?.attrs.Url
    ? readShortcuts(overrides.attrs.Url, options, problems)
    : undefined;
  const declared = new Set<string>();
  for (const action of shortcuts?.actions ?? []) {
    if (!action.id || declared.has(action.id)) {
      problems.push(`shortcuts: action id "${action.id ?? ""}" is missing or declared twice`);
    }
    if (action.type !== "ExecuteFunction" || !action.name) {
      problems.push(`shortcuts: action "${action.id ?? ""}" needs type ExecuteFunction and a name`);
    }
    if (action.id) declared.add(action.id);
  }
  for (const shortcut of shortcuts?.shortcuts ?? []) {
    if (!shortcut.action || !declared.has(shortcut.action)) {
      problems.push(`shortcuts: shortcut for "${shortcut.action ?? ""}" names no declared action`);
    }
    if (!shortcut.key?.default) {
      problems.push(`shortcuts: shortcut for "${shortcut.action ?? ""}" has no default key`);
    }
  }
  for (const action of all.filter((n) => n.name === "Action")) {
    if (action.attrs["xsi:type"] !== "ExecuteFunction") continue;
    const name = child(action, "FunctionName")?.text ?? "";
    if (!name) problems.push("an ExecuteFunction button has no <FunctionName>");
    else if (shortcuts && !declared.has(name)) {
      problems.push(`ExecuteFunction "${name}" is not an action of the shortcuts file`);
    }
  }
}

export function checkManifest(xml: string, options: CheckOptions): string[] {
  const root = parse(xml);
  if (typeof root === "string") return [root];
  const problems: string[] = [];
  const all = descendants(root);
  const resources = collectResources(root, problems);
  checkIdentity(root, resources, all, problems);
  checkReferences(all, resources, problems);
  sharedRuntimeIds(root, all, problems);
  checkHttps(all, problems);
  checkLoadedFiles(loadedUrls(root, all, resources), options, problems);
  checkCommands(root, all, options, problems);
  return problems;
}
