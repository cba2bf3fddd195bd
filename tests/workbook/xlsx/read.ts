/**
 * Reads an .xlsx package straight from its XML parts (not through exceljs, the library that wrote
 * it): cell types, cached values, formulas and number formats exactly as stored, plus defined
 * names, tables, conditional formats, calcPr and custom properties.
 */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";

export interface ReadCell {
  /** The stored type: "n" number, "s" shared string, "str" formula text, "inlineStr", "b", "e". */
  type: string;
  /** Numbers parsed; text as stored; null when the cell has no value. */
  value: number | string | boolean | null;
  formula: string | null;
  format: string;
}

export interface ReadSheet {
  name: string;
  cells: Map<string, ReadCell>;
  conditionalFormats: { sqref: string; formulas: string[] }[];
  tables: { name: string; ref: string; columns: string[] }[];
}

export interface ReadBook {
  sheets: ReadSheet[];
  names: { name: string; reference: string; hidden: boolean; comment: string }[];
  calcPr: Record<string, string>;
  customProperties: Record<string, string>;
}

/** Number formats every reader knows by id (ECMA-376 Part 1, 18.8.30), as far as the plan uses them. */
const BUILTIN_FORMATS: Record<string, string> = {
  "0": "General",
  "1": "0",
  "2": "0.00",
  "3": "#,##0",
  "4": "#,##0.00",
  "9": "0%",
  "10": "0.00%",
  "14": "mm-dd-yy",
  "49": "@",
};

const ARRAYS = new Set([
  "sheet",
  "definedName",
  "si",
  "r",
  "row",
  "c",
  "xf",
  "numFmt",
  "Relationship",
  "conditionalFormatting",
  "cfRule",
  "formula",
  "tableColumn",
  "tablePart",
  "property",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

function text(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string") return node;
  if (typeof node === "object") {
    const inner = (node as Node)["#text"];
    return typeof inner === "string" ? inner : "";
  }
  return String(node);
}

function list(node: unknown, key: string): Node[] {
  if (!node || typeof node !== "object") return [];
  const value = (node as Node)[key];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function child(node: unknown, key: string): Node | undefined {
  if (!node || typeof node !== "object") return undefined;
  const value = (node as Node)[key];
  return value && typeof value === "object" ? (value as Node) : undefined;
}

async function part(zip: JSZip, name: string): Promise<Node> {
  const file = zip.file(name.replace(/^\//, ""));
  if (!file) throw new Error(`the package has no ${name}`);
  return parser.parse(await file.async("string")) as Node;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

async function relationships(zip: JSZip, partName: string): Promise<Map<string, string>> {
  const dir = partName.split("/").slice(0, -1).join("/");
  const relsName = `${dir}/_rels/${partName.split("/").pop()}.rels`;
  if (!zip.file(relsName)) return new Map();
  const rels = await part(zip, relsName);
  return new Map(
    list(child(rels, "Relationships"), "Relationship").map((r) => [
      String(r["@Id"]),
      resolveTarget(partName, String(r["@Target"])),
    ])
  );
}

/** Shared strings, each the concatenation of its runs (LibreOffice writes plain ones). */
function sharedStrings(sst: Node | undefined): string[] {
  return list(child(sst, "sst"), "si").map((si) =>
    si.t !== undefined
      ? text(si.t)
      : list(si, "r")
          .map((r) => text(r.t))
          .join("")
  );
}

function formatsOf(styles: Node): string[] {
  const sheet = child(styles, "styleSheet");
  const custom = new Map(
    list(child(sheet, "numFmts"), "numFmt").map((f) => [
      String(f["@numFmtId"]),
      String(f["@formatCode"]),
    ])
  );
  return list(child(sheet, "cellXfs"), "xf").map((xf) => {
    const id = String(xf["@numFmtId"] ?? "0");
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? `builtin ${id}`;
  });
}

function cellOf(c: Node, strings: string[], formats: string[]): ReadCell {
  const type = String(c["@t"] ?? "n");
  const raw = c.v === undefined ? null : text(c.v);
  const f = c.f === undefined ? null : text(c.f);
  let value: ReadCell["value"] = raw;
  if (raw !== null) {
    if (type === "n") value = Number(raw);
    else if (type === "s") value = strings[Number(raw)];
    else if (type === "b") value = raw === "1";
  }
  if (type === "inlineStr") value = text(child(c, "is")?.t);
  const style = c["@s"] === undefined ? 0 : Number(c["@s"]);
  return { type, value, formula: f, format: formats[style] ?? "General" };
}

export async function readXlsx(data: Uint8Array): Promise<ReadBook> {
  const zip = await JSZip.loadAsync(data);
  const workbook = child(await part(zip, "xl/workbook.xml"), "workbook");
  const workbookRels = await relationships(zip, "xl/workbook.xml");
  const strings = zip.file("xl/sharedStrings.xml")
    ? sharedStrings(await part(zip, "xl/sharedStrings.xml"))
    : [];
  const formats = formatsOf(await part(zip, "xl/styles.xml"));

  const sheets: ReadSheet[] = [];
  for (const entry of list(child(workbook, "sheets"), "sheet")) {
    const partName = workbookRels.get(String(entry["@id"]));
    if (!partName) throw new Error(`sheet ${String(entry["@name"])} has no part`);
    const ws = child(await part(zip, partName), "worksheet");
    const cells = new Map<string, ReadCell>();
    for (const row of list(child(ws, "sheetData"), "row")) {
      for (const c of list(row, "c")) cells.set(String(c["@r"]), cellOf(c, strings, formats));
    }
    const sheetRels = await relationships(zip, partName);
    const tables: ReadSheet["tables"] = [];
    for (const tp of list(child(ws, "tableParts"), "tablePart")) {
      const tablePart = sheetRels.get(String(tp["@id"]));
      if (!tablePart) throw new Error(`a table of ${String(entry["@name"])} has no part`);
      const table = child(await part(zip, tablePart), "table");
      tables.push({
        name: String(table?.["@name"]),
        ref: String(table?.["@ref"]),
        columns: list(child(table, "tableColumns"), "tableColumn").map((tc) => String(tc["@name"])),
      });
    }
    sheets.push({
      name: String(entry["@name"]),
      cells,
      conditionalFormats: list(ws, "conditionalFormatting").map((cf) => ({
        sqref: String(cf["@sqref"]),
        formulas: list(cf, "cfRule").flatMap((rule) => list(rule, "formula").map(text)),
      })),
      tables,
    });
  }

  const custom = zip.file("docProps/custom.xml")
    ? await part(zip, "docProps/custom.xml")
    : undefined;
  return {
    sheets,
    names: list(child(workbook, "definedNames"), "definedName").map((n) => ({
      name: String(n["@name"]),
      reference: text(n),
      hidden: n["@hidden"] === "1" || n["@hidden"] === "true",
      comment: String(n["@comment"] ?? ""),
    })),
    calcPr: Object.fromEntries(
      Object.entries(child(workbook, "calcPr") ?? {})
        .filter(([k]) => k.startsWith("@"))
        .map(([k, v]) => [k.slice(1), String(v)])
    ),
    customProperties: Object.fromEntries(
      list(child(custom, "Properties"), "property").map((p) => [
        String(p["@name"]),
        text(child(p, "lpwstr") ?? p.lpwstr),
      ])
    ),
  };
}

export function sheetNamed(book: ReadBook, name: string): ReadSheet {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet "${name}" in ${book.sheets.map((s) => s.name).join(", ")}`);
  return sheet;
}
