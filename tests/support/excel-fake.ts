/**
 * A small recording fake of the Excel JavaScript object model, enough for the ALVH writer and book
 * (office-addin-mock has no collections). It keeps Excel's observable rules that matter here:
 *
 * - loaded properties (and `isNullObject`) can be read only after `context.sync()`;
 * - calling anything on a `*OrNullObject` result before the sync that resolves it throws, because
 *   real Excel fails the whole batch when the object turns out to be null;
 * - a string written to a cell is parsed like typed input: in a cell formatted "@" it stays text;
 *   otherwise "=…" is a formula, a leading "'" forces text, numbers and TRUE/FALSE are converted;
 * - a null in a 2-D update array (values, formulas, numberFormat) leaves that cell unchanged;
 * - sheet and name lookups are case-insensitive; protected sheets refuse every write;
 * - Workbook.names holds workbook-scoped names only, Worksheet.names that sheet's own.
 *
 * It counts `context.sync()` calls and proxy calls, and logs every write with its sheet.
 *
 * `snapshotWorkbook(fake)` exports the final state as plain JSON, so the .xlsx side can replay
 * what the Office renderer wrote into a workbook and recompute it in LibreOffice. Formula cells
 * carry value null (the fake computes nothing): pair them with the plan's `expected` values, e.g.
 * with `expectedByAddress(plan)` of tests/workbook/helpers.ts.
 *
 * ```ts
 * interface FakeSnapshot {
 *   sheets: {
 *     name: string;
 *     protected: boolean;
 *     // by A1 address, row-major; `format` is the number format ("@" = text, so "=1+1" there is text);
 *     // look fields appear only when set
 *     cells: Record<string, { value: number | string | boolean | null; formula: string | null; format: string;
 *                             bold?: true; italic?: true; size?: number; fontColor?: string; fill?: string }>;
 *     columnWidths: Record<string, number>; // column letter → points
 *     conditionalFormats: { address: string; formula: string; fill: string | null; fontColor: string | null }[];
 *     // ColorScale rules: the criteria as assigned (type "LowestValue" | "Number" | ..., formula, color)
 *     colorScales: { address: string; criteria: Record<"minimum" | "midpoint" | "maximum", ColorCriterion> | null }[];
 *     charts: { name: string; type: string; title: string; xAxisTitle: string; yAxisTitle: string; from: string | null;
 *               to: string | null; legend: string | null;
 *               // x and y are sheet-qualified absolute ranges, e.g. "'ALVH Schedule'!$W$5:$W$12"
 *               series: { name: string; x: string | null; y: string | null; markerStyle: string | null; lineStyle: string | null }[] }[];
 *   }[];
 *   // names; reference is "'Sheet name'!$B$5"; `scope` (the sheet's name) only on sheet-scoped names
 *   names: { name: string; reference: string; comment: string; visible: boolean; scope?: string }[];
 *   // address includes the header row
 *   tables: { name: string; sheet: string; address: string; headers: string[]; rows: (number | string | boolean | null)[][] }[];
 *   settings: Record<string, unknown>; // Office document settings as last saved
 * }
 * ```
 */
import type { OfficeApi } from "../../src/hosts/excel/office";

export type CellValue = number | string | boolean | null;

interface CellState {
  value: CellValue;
  formula: string | null;
  format: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
}

export interface WriteRecord {
  sheet: string;
  address: string;
  what: string;
}

interface ChartState {
  name: string;
  type: string;
  title: string;
  xAxisTitle: string;
  yAxisTitle: string;
  from: string | null;
  to: string | null;
  legend: string | null;
  series: SeriesState[];
}

interface SeriesState {
  name: string;
  x: string | null;
  y: string | null;
  markerStyle: string | null;
  lineStyle: string | null;
}

interface ConditionalFormatState {
  address: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

/** What Worksheet.pageLayout (ExcelApi 1.9) was given; null until the add-in sets any of it. */
export interface PageLayoutState {
  orientation: string | null;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | null;
  printArea: string | null;
  printTitleRows: string | null;
}

export interface ColorCriterion {
  type: string;
  formula?: string | null;
  color?: string;
}

interface ColorScaleState {
  address: string;
  criteria: Record<"minimum" | "midpoint" | "maximum", ColorCriterion> | null;
}

interface SheetState {
  /** Worksheet.id: stays the same when the sheet is renamed. */
  id: string;
  name: string;
  protected: boolean;
  cells: Map<string, CellState>;
  columnWidths: Map<string, number>;
  charts: ChartState[];
  pageLayout: PageLayoutState | null;
  conditionalFormats: ConditionalFormatState[];
  colorScales: ColorScaleState[];
  customProperties: Map<string, string>;
}

interface NameState {
  name: string;
  /** The sheet a sheet-scoped name belongs to (Worksheet.names); null for a workbook name. */
  scope: SheetState | null;
  sheet: SheetState;
  address: string;
  comment: string;
  visible: boolean;
}

interface TableState {
  name: string;
  sheet: SheetState;
  row: number;
  col: number;
  width: number;
  /** Data rows (the header is the row above them). */
  rows: number;
}

export interface FakeOptions {
  /** Highest ExcelApi version the fake claims to support, e.g. "1.7" (default "1.17"). */
  excelApi?: string;
  /** The system culture's separators (cultureInfo.numberFormat, ExcelApi 1.11); en-US by default. */
  culture?: { decimal: string; group: string };
  /** Excel's own separators, as set when "Use system separators" is off (unset: it is on). */
  excelSeparators?: { decimal: string; group: string };
}

// ---------------------------------------------------------------- addresses

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** Parses "B5", "A1:C3", "$B$5", "C:C" (whole columns) or "" (whole sheet); no sheet prefix. */
function parseRange(address: string): Rect {
  const clean = address.replace(/\$/g, "").toUpperCase();
  if (clean === "") return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
  const [a, b = a] = clean.split(":");
  const cols = /^([A-Z]+)$/;
  if (cols.test(a) && cols.test(b)) {
    const c0 = colNumber(a);
    return { row: 0, col: c0, rows: MAX_ROWS, cols: colNumber(b) - c0 + 1 };
  }
  const cell = /^([A-Z]+)([0-9]+)$/;
  const ma = cell.exec(a);
  const mb = cell.exec(b);
  if (!ma || !mb) throw new Error(`fake Excel: unsupported address "${address}"`);
  const row = Number(ma[2]) - 1;
  const col = colNumber(ma[1]);
  return { row, col, rows: Number(mb[2]) - 1 - row + 1, cols: colNumber(mb[1]) - col + 1 };
}

function rectAddress(r: Rect): string {
  if (r.rows === MAX_ROWS && r.cols === MAX_COLS) return "A:XFD";
  if (r.rows === MAX_ROWS) return `${colLetters(r.col)}:${colLetters(r.col + r.cols - 1)}`;
  const tl = a1(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? tl : `${tl}:${a1(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(address: string): string {
  return address
    .split(":")
    .map((part) => part.replace(/^([A-Z]+)([0-9]+)$/i, "$$$1$$$2"))
    .join(":");
}

// ---------------------------------------------------------------- the fake

export class FakeExcel {
  readonly sheets: SheetState[] = [];
  readonly names: NameState[] = [];
  readonly tables: TableState[] = [];
  readonly settings = new Map<string, unknown>();
  savedSettings: Record<string, unknown> = {};
  readonly writes: WriteRecord[] = [];
  syncs = 0;
  proxyCalls = 0;
  screenUpdatingSuspended = 0;
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  readonly selectionHandlers: (() => Promise<unknown>)[] = [];
  readonly excelApi: string;
  /** Loads issued since the last sync; they become readable at the next sync. */
  pendingLoads: Loadable[] = [];

  readonly culture: { decimal: string; group: string };
  readonly excelSeparators: { decimal: string; group: string } | undefined;

  constructor(options: FakeOptions = {}) {
    this.excelApi = options.excelApi ?? "1.17";
    this.culture = options.culture ?? { decimal: ".", group: "," };
    this.excelSeparators = options.excelSeparators;
  }

  // ---- setting up a workbook the user already has

  addSheet(name: string, options: { protected?: boolean } = {}): SheetState {
    if (this.findSheet(name)) throw new Error(`fake Excel: sheet "${name}" exists`);
    const sheet: SheetState = {
      id: `{sheet-${this.sheets.length + 1}-${name.length}}`,
      name,
      protected: options.protected ?? false,
      cells: new Map(),
      columnWidths: new Map(),
      charts: [],
      pageLayout: null,
      conditionalFormats: [],
      colorScales: [],
      customProperties: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Types values into a sheet as a user would (parsing strings like Excel does). */
  type(
    sheetName: string,
    topLeft: string,
    rows: readonly (readonly (string | number | boolean)[])[]
  ): void {
    const sheet = this.requireSheet(sheetName);
    const origin = parseRange(topLeft);
    rows.forEach((row, r) =>
      row.forEach((value, c) => this.input(sheet, origin.row + r, origin.col + c, value))
    );
  }

  addUserTable(
    sheetName: string,
    topLeft: string,
    headers: readonly string[],
    rows: readonly (readonly (string | number | boolean)[])[],
    name: string
  ): void {
    const sheet = this.requireSheet(sheetName);
    this.type(sheetName, topLeft, [headers, ...rows]);
    const origin = parseRange(topLeft);
    this.tables.push({
      name,
      sheet,
      row: origin.row + 1,
      col: origin.col,
      width: headers.length,
      rows: rows.length,
    });
  }

  addUserName(name: string, sheetName: string, address: string): void {
    this.names.push({
      name,
      scope: null,
      sheet: this.requireSheet(sheetName),
      address: absolute(address),
      comment: "",
      visible: true,
    });
  }

  /** The trader selects a range: handlers registered with onSelectionChanged run. */
  async select(sheetName: string, address: string): Promise<void> {
    this.selection = { sheet: this.requireSheet(sheetName).name, address };
    for (const handler of this.selectionHandlers) await handler();
  }

  // ---- reading the state back

  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  requireSheet(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`fake Excel: no sheet "${name}"`);
    return sheet;
  }

  cell(sheetName: string, address: string): CellState | undefined {
    return this.requireSheet(sheetName).cells.get(address.replace(/\$/g, "").toUpperCase());
  }

  /** A workbook-scoped name, or with `scope` a name scoped to that sheet. */
  findName(name: string, scope: SheetState | null = null): NameState | undefined {
    return this.names.find((n) => n.scope === scope && n.name.toLowerCase() === name.toLowerCase());
  }

  findTable(name: string): TableState | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  tableValues(name: string): CellValue[][] {
    const table = this.findTable(name);
    if (!table) throw new Error(`fake Excel: no table ${name}`);
    return Array.from({ length: table.rows }, (_, r) =>
      Array.from(
        { length: table.width },
        (_, c) => table.sheet.cells.get(a1(table.row + r, table.col + c))?.value ?? null
      )
    );
  }

  // ---- the Office.js surface

  /** Stands in for `Excel.run`. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    return result;
  };

  /** Stands in for `Office.context.requirements`. */
  readonly requirements = {
    isSetSupported: (name: string, version = "1.1"): boolean => {
      if (name !== "ExcelApi") return false;
      const [maj, min] = version.split(".").map(Number);
      const [hasMaj, hasMin] = this.excelApi.split(".").map(Number);
      return hasMaj > maj || (hasMaj === maj && hasMin >= min);
    },
  };

  /** Stands in for `Office.context.document.settings`. */
  readonly documentSettings = {
    get: (key: string): unknown => (this.settings.has(key) ? this.settings.get(key) : null),
    set: (key: string, value: unknown): void => {
      this.settings.set(key, JSON.parse(JSON.stringify(value)));
    },
    remove: (key: string): void => {
      this.settings.delete(key);
    },
    saveAsync: (
      callback?: (result: { status: string; error?: { message: string } }) => void
    ): void => {
      this.savedSettings = Object.fromEntries(this.settings);
      callback?.({ status: "succeeded" });
    },
  };

  /** The three Office ports of src/hosts/excel/office.ts, backed by this fake. */
  get ports(): OfficeApi {
    return { run: this.run, requirements: this.requirements, settings: this.documentSettings };
  }

  // ---- internals shared by the proxies

  count(): void {
    this.proxyCalls++;
  }

  write(sheet: SheetState, address: string, what: string): void {
    if (sheet.protected) {
      throw new FakeExcelError(
        "AccessDenied",
        `sheet "${sheet.name}" is protected: cannot write ${what} at ${address}`
      );
    }
    this.writes.push({ sheet: sheet.name, address, what });
  }

  input(sheet: SheetState, row: number, col: number, raw: unknown): void {
    const key = a1(row, col);
    const cell = sheet.cells.get(key) ?? { value: null, formula: null, format: "General" };
    Object.assign(cell, parseInput(raw, cell.format));
    if (cell.value === null && cell.formula === null && cell.format === "General" && !hasLook(cell))
      sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
  }

  setFormat(sheet: SheetState, row: number, col: number, format: string): void {
    const key = a1(row, col);
    const cell = sheet.cells.get(key) ?? { value: null, formula: null, format: "General" };
    cell.format = format;
    sheet.cells.set(key, cell);
  }
}

function hasLook(cell: CellState): boolean {
  return Boolean(cell.bold || cell.italic || cell.size || cell.fontColor || cell.fill);
}

/** Excel's parsing of a value written to a cell (the same as typing it). */
export function parseInput(
  raw: unknown,
  format: string
): { value: CellValue; formula: string | null } {
  if (raw === null || raw === undefined || raw === "") return { value: null, formula: null };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw new FakeExcelError("InvalidArgument", `cannot write ${raw}`);
    return { value: raw, formula: null };
  }
  if (typeof raw === "boolean") return { value: raw, formula: null };
  if (typeof raw !== "string")
    throw new FakeExcelError("InvalidArgument", `cannot write ${typeof raw}`);
  if (format === "@") return { value: raw, formula: null };
  if (raw.startsWith("'")) return { value: raw.slice(1), formula: null };
  if (raw.startsWith("=") && raw.length > 1) return { value: null, formula: raw };
  const trimmed = raw.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed))
    return { value: Number(trimmed), formula: null };
  if (/^(true|false)$/i.test(trimmed))
    return { value: trimmed.toLowerCase() === "true", formula: null };
  if (/^[+\-@]/.test(raw)) return { value: null, formula: `=${raw.replace(/^[+@]/, "")}` };
  return { value: raw, formula: null };
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "FakeExcelError";
  }
}

// ---------------------------------------------------------------- proxies

class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(fake);
    this.application = new FakeApplication(fake);
  }

  async sync(): Promise<void> {
    this.fake.syncs++;
    for (const item of this.fake.pendingLoads) item.resolve();
    this.fake.pendingLoads = [];
  }

  trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

/** Base of proxies with loadable properties: readable only after load() and a sync. */
abstract class Loadable {
  private loaded = false;
  private pending = false;

  constructor(protected readonly fake: FakeExcel) {}

  load(_props?: unknown): this {
    this.fake.count();
    this.pending = true;
    this.fake.pendingLoads.push(this);
    return this;
  }

  /** Items of a loaded collection arrive loaded. */
  markLoaded(): void {
    this.loaded = true;
  }

  resolve(): void {
    if (this.pending) this.loaded = true;
    this.pending = false;
    this.onResolve();
  }

  protected onResolve(): void {}

  protected requireLoaded(prop: string): void {
    if (!this.loaded) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `${this.constructor.name}.${prop} read before load() and context.sync()`
      );
    }
  }
}

function requireApi(fake: FakeExcel, version: string, what: string): void {
  if (!fake.requirements.isSetSupported("ExcelApi", version)) {
    throw new FakeExcelError("ApiNotFound", `${what} needs ExcelApi ${version}`);
  }
}

/** Excel.Application: screen updating (ExcelApi 1.9) and the separators (ExcelApi 1.11). */
class FakeApplication extends Loadable {
  suspendScreenUpdatingUntilNextSync(): void {
    this.fake.count();
    requireApi(this.fake, "1.9", "suspendScreenUpdatingUntilNextSync");
    this.fake.screenUpdatingSuspended++;
  }

  get cultureInfo(): { numberFormat: FakeNumberFormatInfo } {
    requireApi(this.fake, "1.11", "Application.cultureInfo");
    return { numberFormat: new FakeNumberFormatInfo(this.fake) };
  }

  private separator(prop: string, which: "decimal" | "group"): string {
    requireApi(this.fake, "1.11", `Application.${prop}`);
    this.requireLoaded(prop);
    return (this.fake.excelSeparators ?? this.fake.culture)[which];
  }

  get useSystemSeparators(): boolean {
    requireApi(this.fake, "1.11", "Application.useSystemSeparators");
    this.requireLoaded("useSystemSeparators");
    return this.fake.excelSeparators === undefined;
  }

  get decimalSeparator(): string {
    return this.separator("decimalSeparator", "decimal");
  }

  get thousandsSeparator(): string {
    return this.separator("thousandsSeparator", "group");
  }
}

/** Excel.NumberFormatInfo (ExcelApi 1.11): the system culture's separators. */
class FakeNumberFormatInfo extends Loadable {
  get numberDecimalSeparator(): string {
    this.requireLoaded("numberDecimalSeparator");
    return this.fake.culture.decimal;
  }

  get numberGroupSeparator(): string {
    this.requireLoaded("numberGroupSeparator");
    return this.fake.culture.group;
  }
}

/** A `*OrNullObject` result: resolved at the next sync, unusable before it. */
abstract class Nullable extends Loadable {
  private resolved = false;
  private exists = false;

  constructor(
    fake: FakeExcel,
    private readonly lookup: () => boolean,
    private readonly nullable: boolean
  ) {
    super(fake);
    if (nullable) fake.pendingLoads.push(this);
    else this.resolved = true;
  }

  protected override onResolve(): void {
    if (this.nullable && !this.resolved) {
      this.resolved = true;
      this.exists = this.lookup();
    }
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (!this.resolved)
      throw new FakeExcelError("PropertyNotLoaded", "isNullObject read before context.sync()");
    return !this.exists;
  }

  /** Anything but load() on an unresolved or null object fails, as the real batch would. */
  protected use(what: string): void {
    this.fake.count();
    if (!this.nullable) return;
    if (!this.resolved) {
      throw new FakeExcelError(
        "NullObjectUsedBeforeSync",
        `${what} called on a *OrNullObject result before context.sync()`
      );
    }
    if (!this.exists) throw new FakeExcelError("ItemNotFound", `${what} called on a null object`);
  }
}

class FakeWorkbookProxy {
  private worksheetsProxy?: FakeWorksheetCollection;
  private namesProxy?: FakeNamedItemCollection;

  constructor(private readonly fake: FakeExcel) {}

  get worksheets(): FakeWorksheetCollection {
    this.fake.count();
    this.worksheetsProxy ??= new FakeWorksheetCollection(this.fake);
    return this.worksheetsProxy;
  }

  get names(): FakeNamedItemCollection {
    this.fake.count();
    this.namesProxy ??= new FakeNamedItemCollection(this.fake, null);
    return this.namesProxy;
  }

  get tables(): FakeTableCollection {
    this.fake.count();
    return new FakeTableCollection(this.fake, null);
  }

  get onSelectionChanged(): { add(handler: () => Promise<unknown>): void } {
    this.fake.count();
    return { add: (handler) => void this.fake.selectionHandlers.push(handler) };
  }

  getSelectedRange(): FakeRange {
    this.fake.count();
    const selection = this.fake.selection;
    if (!selection) throw new FakeExcelError("InvalidSelection", "nothing selected");
    return new FakeRange(
      this.fake,
      this.fake.requireSheet(selection.sheet),
      parseRange(selection.address)
    );
  }
}

class FakeWorksheetCollection extends Loadable {
  private snapshot: FakeWorksheet[] = [];
  private paths: string[] = [];

  /** "items/protection/protected" loads each sheet's protection with the collection. */
  override load(props?: unknown): this {
    super.load(props);
    this.paths = typeof props === "string" ? props.split(",").map((p) => p.trim()) : [];
    return this;
  }

  protected override onResolve(): void {
    this.snapshot = this.fake.sheets.map((s) => new FakeWorksheet(this.fake, () => s, false));
    const withProtection = this.paths.some((p) => p.startsWith("items/protection/"));
    this.snapshot.forEach((s) => s.markLoaded(withProtection));
  }

  get items(): FakeWorksheet[] {
    this.requireLoaded("items");
    return this.snapshot;
  }

  getItem(name: string): FakeWorksheet {
    this.fake.count();
    const sheet = this.fake.findSheet(name);
    if (!sheet) throw new FakeExcelError("ItemNotFound", `no worksheet "${name}"`);
    return new FakeWorksheet(this.fake, () => sheet, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.fake.count();
    return new FakeWorksheet(this.fake, () => this.fake.findSheet(name), true);
  }

  /** The sheet holding the selection when there is one, else the last activated sheet. */
  getActiveWorksheet(): FakeWorksheet {
    this.fake.count();
    const name = this.fake.selection?.sheet ?? this.fake.activeSheet ?? this.fake.sheets[0]?.name;
    const sheet = name === undefined ? undefined : this.fake.findSheet(name);
    if (!sheet) throw new FakeExcelError("ItemNotFound", "no active worksheet");
    return new FakeWorksheet(this.fake, () => sheet, false);
  }

  add(name: string): FakeWorksheet {
    this.fake.count();
    if (this.fake.findSheet(name))
      throw new FakeExcelError("ItemAlreadyExists", `worksheet "${name}" exists`);
    const sheet = this.fake.addSheet(name);
    this.fake.writes.push({ sheet: name, address: "", what: "add sheet" });
    return new FakeWorksheet(this.fake, () => sheet, false);
  }
}

class FakeWorksheet extends Nullable {
  constructor(
    fake: FakeExcel,
    private readonly get: () => SheetState | undefined,
    nullable: boolean
  ) {
    super(fake, () => get() !== undefined, nullable);
  }

  get state(): SheetState {
    const sheet = this.get();
    if (!sheet) throw new FakeExcelError("ItemNotFound", "worksheet does not exist");
    return sheet;
  }

  get name(): string {
    this.requireLoaded("name");
    return this.state.name;
  }

  getRange(address = ""): FakeRange {
    this.use("Worksheet.getRange");
    return new FakeRange(this.fake, this.state, parseRange(address));
  }

  // Navigation properties return the same proxy each time, as in Office.js.
  private chartsProxy?: FakeChartCollection;
  private protectionProxy?: FakeProtection;

  /** Paths such as "protection/protected" load the navigation property's proxy too. */
  override load(props?: unknown): this {
    super.load(props);
    const paths = typeof props === "string" ? props.split(",").map((p) => p.trim()) : [];
    if (paths.some((p) => p.startsWith("protection/"))) this.protection.load();
    if (paths.some((p) => p.startsWith("charts/"))) this.charts.load();
    return this;
  }

  /** Loaded as an item of a loaded collection, with its protection when the load path asked for it. */
  override markLoaded(withProtection = false): void {
    super.markLoaded();
    if (withProtection) {
      this.protectionProxy ??= new FakeProtection(this.fake, this.state);
      this.protectionProxy.markLoaded();
    }
  }

  get charts(): FakeChartCollection {
    this.use("Worksheet.charts");
    this.chartsProxy ??= new FakeChartCollection(this.fake, this.state);
    return this.chartsProxy;
  }

  private namesProxy?: FakeNamedItemCollection;

  /** Names scoped to this sheet (ExcelApi 1.4). */
  get names(): FakeNamedItemCollection {
    this.use("Worksheet.names");
    this.namesProxy ??= new FakeNamedItemCollection(this.fake, this.state);
    return this.namesProxy;
  }

  get id(): string {
    this.requireLoaded("id");
    return this.state.id;
  }

  /**
   * The smallest range holding every cell with a value or formula (`valuesOnly`, ExcelApi 1.4);
   * A1 on a blank sheet, as in Excel.
   */
  getUsedRange(_valuesOnly?: boolean): FakeRange {
    this.use("Worksheet.getUsedRange");
    const keys = [...this.state.cells]
      .filter(([, c]) => c.value !== null || c.formula !== null)
      .map(([key]) => parseRange(key));
    if (keys.length === 0) {
      return new FakeRange(this.fake, this.state, { row: 0, col: 0, rows: 1, cols: 1 });
    }
    const row = Math.min(...keys.map((k) => k.row));
    const col = Math.min(...keys.map((k) => k.col));
    const rows = Math.max(...keys.map((k) => k.row)) - row + 1;
    const cols = Math.max(...keys.map((k) => k.col)) - col + 1;
    return new FakeRange(this.fake, this.state, { row, col, rows, cols });
  }

  get tables(): FakeTableCollection {
    this.use("Worksheet.tables");
    return new FakeTableCollection(this.fake, this.state);
  }

  get pageLayout(): FakePageLayout {
    this.use("Worksheet.pageLayout");
    if (!this.fake.requirements.isSetSupported("ExcelApi", "1.9")) {
      throw new FakeExcelError("ApiNotFound", "Worksheet.pageLayout needs ExcelApi 1.9");
    }
    return new FakePageLayout(this.fake, this.state);
  }

  get protection(): FakeProtection {
    this.use("Worksheet.protection");
    this.protectionProxy ??= new FakeProtection(this.fake, this.state);
    return this.protectionProxy;
  }

  get customProperties(): FakeCustomProperties {
    this.use("Worksheet.customProperties");
    if (!this.fake.requirements.isSetSupported("ExcelApi", "1.12")) {
      throw new FakeExcelError("ApiNotFound", "worksheet custom properties need ExcelApi 1.12");
    }
    return new FakeCustomProperties(this.fake, this.state);
  }

  activate(): void {
    this.use("Worksheet.activate");
    this.fake.activeSheet = this.state.name;
  }
}

/** Records print settings; ranges are kept as their A1 address. */
class FakePageLayout {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: SheetState
  ) {}

  private set(what: string, fn: (layout: PageLayoutState) => void): void {
    this.fake.count();
    this.fake.write(this.sheet, "", `page layout ${what}`);
    this.sheet.pageLayout ??= {
      orientation: null,
      zoom: null,
      printArea: null,
      printTitleRows: null,
    };
    fn(this.sheet.pageLayout);
  }

  set orientation(v: string) {
    this.set("orientation", (l) => (l.orientation = v));
  }

  set zoom(v: PageLayoutState["zoom"]) {
    this.set("zoom", (l) => (l.zoom = v === null ? null : { ...v }));
  }

  setPrintArea(area: string): void {
    if (typeof area !== "string") throw new Error("the fake takes print areas as A1 text");
    this.set("print area", (l) => (l.printArea = area));
  }

  setPrintTitleRows(rows: string): void {
    if (typeof rows !== "string") throw new Error("the fake takes title rows as A1 text");
    this.set("print title rows", (l) => (l.printTitleRows = rows));
  }
}

class FakeProtection extends Loadable {
  constructor(
    fake: FakeExcel,
    private readonly sheet: SheetState
  ) {
    super(fake);
  }

  get protected(): boolean {
    this.requireLoaded("protected");
    return this.sheet.protected;
  }
}

class FakeCustomProperties {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: SheetState
  ) {}

  add(key: string, value: string): void {
    this.fake.count();
    this.fake.write(this.sheet, "", `custom property ${key}`);
    this.sheet.customProperties.set(key, value);
  }
}

class FakeRange extends Loadable {
  constructor(
    fake: FakeExcel,
    readonly sheet: SheetState,
    readonly rect: Rect
  ) {
    super(fake);
  }

  private each<T>(fn: (row: number, col: number) => T): T[][] {
    return Array.from({ length: this.rect.rows }, (_, r) =>
      Array.from({ length: this.rect.cols }, (_, c) => fn(this.rect.row + r, this.rect.col + c))
    );
  }

  private grid<T>(value: T | T[][], what: string): (r: number, c: number) => T {
    if (!Array.isArray(value)) return () => value;
    if (
      value.length !== this.rect.rows ||
      value.some((row) => !Array.isArray(row) || row.length !== this.rect.cols)
    ) {
      throw new FakeExcelError(
        "InvalidArgument",
        `${what}: a ${value.length}×${Array.isArray(value[0]) ? value[0].length : "?"} array for ${this.address} (${this.rect.rows}×${this.rect.cols})`
      );
    }
    return (r, c) => value[r][c];
  }

  get address(): string {
    return `${quoteSheet(this.sheet.name)}!${rectAddress(this.rect)}`;
  }

  get rowIndex(): number {
    this.requireLoaded("rowIndex");
    return this.rect.row;
  }

  get columnIndex(): number {
    this.requireLoaded("columnIndex");
    return this.rect.col;
  }

  get rowCount(): number {
    this.requireLoaded("rowCount");
    return this.rect.rows;
  }

  get values(): CellValue[][] {
    this.requireLoaded("values");
    return this.each((r, c) => this.sheet.cells.get(a1(r, c))?.value ?? "");
  }

  set values(values: unknown) {
    this.setCells(values, "values");
  }

  get formulas(): (CellValue | string)[][] {
    this.requireLoaded("formulas");
    return this.each((r, c) => {
      const cell = this.sheet.cells.get(a1(r, c));
      return cell?.formula ?? cell?.value ?? "";
    });
  }

  set formulas(formulas: unknown) {
    this.setCells(formulas, "formulas");
  }

  private setCells(input: unknown, what: string): void {
    this.fake.count();
    this.fake.write(this.sheet, rectAddress(this.rect), what);
    const at = this.grid(input as unknown[][], what);
    // As in Office.js, a null in an update array leaves that cell as it is.
    this.each((r, c) => {
      const value = at(r - this.rect.row, c - this.rect.col);
      if (value !== null) this.fake.input(this.sheet, r, c, value);
    });
  }

  get numberFormat(): string[][] {
    this.requireLoaded("numberFormat");
    return this.each((r, c) => this.sheet.cells.get(a1(r, c))?.format ?? "General");
  }

  set numberFormat(formats: unknown) {
    this.fake.count();
    this.fake.write(this.sheet, rectAddress(this.rect), "numberFormat");
    const at = this.grid(formats as (string | null)[][], "numberFormat");
    this.each((r, c) => {
      const format = at(r - this.rect.row, c - this.rect.col);
      if (format !== null) this.fake.setFormat(this.sheet, r, c, format);
    });
  }

  get format(): FakeRangeFormat {
    this.fake.count();
    return new FakeRangeFormat(this.fake, this);
  }

  get conditionalFormats(): FakeConditionalFormats {
    this.fake.count();
    return new FakeConditionalFormats(this.fake, this);
  }

  get worksheet(): FakeWorksheet {
    this.fake.count();
    const sheet = this.sheet;
    const ws = new FakeWorksheet(this.fake, () => sheet, false);
    return ws;
  }

  clear(): void {
    this.fake.count();
    this.fake.write(this.sheet, rectAddress(this.rect), "clear");
    for (const key of [...this.sheet.cells.keys()]) {
      const { row, col } = parseRange(key);
      if (inside(this.rect, row, col)) this.sheet.cells.delete(key);
    }
  }

  getRow(index: number): FakeRange {
    this.fake.count();
    return new FakeRange(this.fake, this.sheet, {
      ...this.rect,
      row: this.rect.row + index,
      rows: 1,
    });
  }

  getLastRow(): FakeRange {
    this.fake.count();
    return new FakeRange(this.fake, this.sheet, {
      ...this.rect,
      row: this.rect.row + this.rect.rows - 1,
      rows: 1,
    });
  }

  getCell(row: number, col: number): FakeRange {
    this.fake.count();
    return new FakeRange(this.fake, this.sheet, {
      row: this.rect.row + row,
      col: this.rect.col + col,
      rows: 1,
      cols: 1,
    });
  }
}

function inside(rect: Rect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols
  );
}

class FakeRangeFormat {
  constructor(
    private readonly fake: FakeExcel,
    private readonly range: FakeRange
  ) {}

  private apply(what: string, fn: (cell: CellState) => void): void {
    this.fake.count();
    this.fake.write(this.range.sheet, rectAddress(this.range.rect), what);
    const { rect, sheet } = this.range;
    if (rect.rows === MAX_ROWS) return;
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const key = a1(r, c);
        const cell = sheet.cells.get(key) ?? { value: null, formula: null, format: "General" };
        fn(cell);
        sheet.cells.set(key, cell);
      }
    }
  }

  get font(): { bold: boolean; italic: boolean; color: string; size: number } {
    this.fake.count();
    const apply = this.apply.bind(this);
    return {
      set bold(v: boolean) {
        apply("font.bold", (c) => (c.bold = v));
      },
      set italic(v: boolean) {
        apply("font.italic", (c) => (c.italic = v));
      },
      set color(v: string) {
        apply("font.color", (c) => (c.fontColor = v));
      },
      set size(v: number) {
        apply("font.size", (c) => (c.size = v));
      },
    } as { bold: boolean; italic: boolean; color: string; size: number };
  }

  get fill(): { color: string } {
    this.fake.count();
    const apply = this.apply.bind(this);
    return {
      set color(v: string) {
        apply("fill.color", (c) => (c.fill = v));
      },
    } as { color: string };
  }

  set columnWidth(points: number) {
    this.fake.count();
    const { rect, sheet } = this.range;
    this.fake.write(sheet, rectAddress(rect), "columnWidth");
    for (let c = rect.col; c < rect.col + rect.cols; c++)
      sheet.columnWidths.set(colLetters(c), points);
  }

  autofitColumns(): void {
    this.fake.count();
    this.fake.write(this.range.sheet, rectAddress(this.range.rect), "autofitColumns");
  }
}

class FakeConditionalFormats {
  constructor(
    private readonly fake: FakeExcel,
    private readonly range: FakeRange
  ) {}

  add(type: string): {
    custom: {
      rule: { formula: string };
      format: { fill: { color: string }; font: { color: string } };
    };
    colorScale: { criteria: ColorScaleState["criteria"] };
  } {
    this.fake.count();
    if (type !== "Custom" && type !== "ColorScale")
      throw new FakeExcelError(
        "InvalidArgument",
        `the fake models only Custom and ColorScale rules, not ${type}`
      );
    const { sheet, rect } = this.range;
    if (type === "ColorScale") {
      this.fake.write(sheet, rectAddress(rect), "colorScale");
      const scale: ColorScaleState = { address: rectAddress(rect), criteria: null };
      sheet.colorScales.push(scale);
      const count = (): void => this.fake.count();
      const refuse = (): never => {
        throw new FakeExcelError("InvalidArgument", "a ColorScale rule has no custom part");
      };
      return {
        get custom(): never {
          return refuse();
        },
        colorScale: {
          set criteria(v: ColorScaleState["criteria"]) {
            count();
            scale.criteria = v === null ? null : JSON.parse(JSON.stringify(v));
          },
        } as { criteria: ColorScaleState["criteria"] },
      };
    }
    this.fake.write(sheet, rectAddress(rect), "conditionalFormat");
    const state: ConditionalFormatState = {
      address: rectAddress(rect),
      formula: "",
      fill: null,
      fontColor: null,
    };
    sheet.conditionalFormats.push(state);
    const count = (): void => this.fake.count();
    return {
      custom: {
        rule: {
          set formula(v: string) {
            count();
            state.formula = v;
          },
        } as { formula: string },
        format: {
          fill: {
            set color(v: string) {
              count();
              state.fill = v;
            },
          } as { color: string },
          font: {
            set color(v: string) {
              count();
              state.fontColor = v;
            },
          } as { color: string },
        },
      },
      get colorScale(): never {
        throw new FakeExcelError("InvalidArgument", "a Custom rule has no colour scale");
      },
    };
  }

  clearAll(): void {
    this.fake.count();
    const { sheet, rect } = this.range;
    this.fake.write(sheet, rectAddress(rect), "clear conditional formats");
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => {
      const r = parseRange(cf.address);
      return !inside(rect, r.row, r.col);
    });
    sheet.colorScales = sheet.colorScales.filter((cf) => {
      const r = parseRange(cf.address);
      return !inside(rect, r.row, r.col);
    });
  }
}

class FakeChartCollection extends Loadable {
  private snapshot: FakeChart[] = [];

  constructor(
    fake: FakeExcel,
    private readonly sheet: SheetState
  ) {
    super(fake);
  }

  protected override onResolve(): void {
    this.snapshot = this.sheet.charts.map((c) => new FakeChart(this.fake, this.sheet, c));
  }

  get items(): FakeChart[] {
    this.requireLoaded("items");
    return this.snapshot;
  }

  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    this.fake.count();
    this.fake.write(this.sheet, rectAddress(source.rect), `add chart ${type} by ${seriesBy}`);
    const state: ChartState = {
      name: `Chart ${this.sheet.charts.length + 1}`,
      type,
      title: "",
      xAxisTitle: "",
      yAxisTitle: "",
      from: null,
      to: null,
      legend: null,
      series: [
        { name: "Series1", x: null, y: rangeRef(source), markerStyle: null, lineStyle: null },
      ],
    };
    this.sheet.charts.push(state);
    return new FakeChart(this.fake, this.sheet, state);
  }
}

function rangeRef(range: FakeRange): string {
  return `${quoteSheet(range.sheet.name)}!${absolute(rectAddress(range.rect))}`;
}

class FakeChart {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: SheetState,
    private readonly state: ChartState
  ) {}

  private set(what: string, fn: () => void): void {
    this.fake.count();
    this.fake.write(this.sheet, "", `chart ${what}`);
    fn();
  }

  get name(): string {
    return this.state.name;
  }

  set name(v: string) {
    this.set("name", () => (this.state.name = v));
  }

  get title(): { text: string } {
    this.fake.count();
    const set = (v: string): void => this.set("title", () => (this.state.title = v));
    return {
      set text(v: string) {
        set(v);
      },
    } as { text: string };
  }

  get axes(): {
    categoryAxis: { title: { text: string } };
    valueAxis: { title: { text: string } };
  } {
    this.fake.count();
    const axis = (key: "xAxisTitle" | "yAxisTitle"): { title: { text: string } } => {
      const set = (v: string): void => this.set(key, () => (this.state[key] = v));
      return {
        title: {
          set text(v: string) {
            set(v);
          },
        } as { text: string },
      };
    };
    return { categoryAxis: axis("xAxisTitle"), valueAxis: axis("yAxisTitle") };
  }

  get legend(): { position: string } {
    this.fake.count();
    const set = (v: string): void => this.set("legend", () => (this.state.legend = v));
    return {
      set position(v: string) {
        set(v);
      },
    } as { position: string };
  }

  setPosition(from: string, to: string): void {
    this.set("position", () => {
      this.state.from = from;
      this.state.to = to;
    });
  }

  get series(): { add(name: string): FakeSeries; getItemAt(i: number): FakeSeries } {
    this.fake.count();
    return {
      add: (name: string): FakeSeries => {
        const series: SeriesState = { name, x: null, y: null, markerStyle: null, lineStyle: null };
        this.set("add series", () => this.state.series.push(series));
        return new FakeSeries(this.fake, series, (what, fn) => this.set(what, fn));
      },
      getItemAt: (i: number): FakeSeries => {
        this.fake.count();
        const series = this.state.series[i];
        if (!series) throw new FakeExcelError("ItemNotFound", `no series ${i}`);
        return new FakeSeries(this.fake, series, (what, fn) => this.set(what, fn));
      },
    };
  }

  delete(): void {
    this.set("delete", () => {
      const at = this.sheet.charts.indexOf(this.state);
      if (at >= 0) this.sheet.charts.splice(at, 1);
    });
  }
}

class FakeSeries {
  constructor(
    private readonly fake: FakeExcel,
    private readonly state: SeriesState,
    private readonly set: (what: string, fn: () => void) => void
  ) {}

  set name(v: string) {
    this.set("series name", () => (this.state.name = v));
  }

  setValues(range: FakeRange): void {
    this.set("series values", () => (this.state.y = rangeRef(range)));
  }

  setXAxisValues(range: FakeRange): void {
    this.set("series x values", () => (this.state.x = rangeRef(range)));
  }

  set markerStyle(v: string) {
    this.set("marker style", () => (this.state.markerStyle = v));
  }

  get format(): { line: { lineStyle: string } } {
    this.fake.count();
    const set = (v: string): void => this.set("line style", () => (this.state.lineStyle = v));
    return {
      line: {
        set lineStyle(v: string) {
          set(v);
        },
      } as { lineStyle: string },
    };
  }
}

/** Workbook.names (scope null) or Worksheet.names (scope: that sheet); each sees only its own. */
class FakeNamedItemCollection extends Loadable {
  private snapshot: FakeNamedItem[] = [];

  constructor(
    fake: FakeExcel,
    private readonly scope: SheetState | null
  ) {
    super(fake);
  }

  protected override onResolve(): void {
    this.snapshot = this.fake.names
      .filter((n) => n.scope === this.scope)
      .map((n) => new FakeNamedItem(this.fake, n));
  }

  get items(): FakeNamedItem[] {
    this.requireLoaded("items");
    return this.snapshot;
  }

  getItem(name: string): FakeNamedItem {
    this.fake.count();
    const state = this.fake.findName(name, this.scope);
    if (!state) throw new FakeExcelError("ItemNotFound", `no name ${name}`);
    return new FakeNamedItem(this.fake, state);
  }

  add(name: string, reference: FakeRange | string, comment = ""): FakeNamedItem {
    this.fake.count();
    if (this.fake.findName(name, this.scope))
      throw new FakeExcelError("ItemAlreadyExists", `name ${name} exists`);
    if (typeof reference === "string")
      throw new FakeExcelError("InvalidArgument", "the fake takes Range references only");
    const state: NameState = {
      name,
      scope: this.scope,
      sheet: reference.sheet,
      address: absolute(rectAddress(reference.rect)),
      comment,
      visible: true,
    };
    this.fake.names.push(state);
    this.fake.writes.push({
      sheet: reference.sheet.name,
      address: state.address,
      what: this.scope ? `name ${name} (scoped to ${this.scope.name})` : `name ${name}`,
    });
    return new FakeNamedItem(this.fake, state);
  }
}

class FakeNamedItem {
  constructor(
    private readonly fake: FakeExcel,
    private readonly state: NameState
  ) {}

  get name(): string {
    return this.state.name;
  }

  get comment(): string {
    return this.state.comment;
  }

  get formula(): string {
    const live = this.fake.sheets.includes(this.state.sheet);
    return live ? `=${quoteSheet(this.state.sheet.name)}!${this.state.address}` : "=#REF!";
  }

  set visible(v: boolean) {
    this.fake.count();
    this.state.visible = v;
  }

  delete(): void {
    this.fake.count();
    this.fake.writes.push({
      sheet: this.state.sheet.name,
      address: this.state.address,
      what: `delete name ${this.state.name}`,
    });
    const at = this.fake.names.indexOf(this.state);
    if (at >= 0) this.fake.names.splice(at, 1);
  }
}

class FakeTableCollection {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: SheetState | null
  ) {}

  getItemOrNullObject(name: string): FakeTable {
    this.fake.count();
    return new FakeTable(this.fake, () => this.fake.findTable(name), true);
  }

  getItem(name: string): FakeTable {
    this.fake.count();
    const table = this.fake.findTable(name);
    if (!table) throw new FakeExcelError("ItemNotFound", `no table ${name}`);
    return new FakeTable(this.fake, () => table, false);
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    this.fake.count();
    if (!hasHeaders)
      throw new FakeExcelError("InvalidArgument", "the fake models tables with headers only");
    const sheet = typeof address === "string" ? this.sheet : address.sheet;
    if (!sheet)
      throw new FakeExcelError(
        "InvalidArgument",
        "workbook.tables.add needs a sheet-qualified range in the fake"
      );
    const rect = typeof address === "string" ? parseRange(address) : address.rect;
    this.fake.write(sheet, rectAddress(rect), "add table");
    const state: TableState = {
      name: `Table${this.fake.tables.length + 1}`,
      sheet,
      row: rect.row + 1,
      col: rect.col,
      width: rect.cols,
      rows: rect.rows - 1,
    };
    this.fake.tables.push(state);
    return new FakeTable(this.fake, () => state, false);
  }
}

class FakeTable extends Nullable {
  constructor(
    fake: FakeExcel,
    private readonly get: () => TableState | undefined,
    nullable: boolean
  ) {
    super(fake, () => get() !== undefined, nullable);
  }

  private get state(): TableState {
    const table = this.get();
    if (!table) throw new FakeExcelError("ItemNotFound", "table does not exist");
    return table;
  }

  get name(): string {
    this.requireLoaded("name");
    return this.state.name;
  }

  set name(v: string) {
    this.use("Table.name");
    this.state.name = v;
  }

  get worksheet(): FakeWorksheet {
    this.use("Table.worksheet");
    const sheet = this.state.sheet;
    return new FakeWorksheet(this.fake, () => sheet, false);
  }

  getHeaderRowRange(): FakeRange {
    this.use("Table.getHeaderRowRange");
    const t = this.state;
    return new FakeRange(this.fake, t.sheet, {
      row: t.row - 1,
      col: t.col,
      rows: 1,
      cols: t.width,
    });
  }

  getDataBodyRange(): FakeRange {
    this.use("Table.getDataBodyRange");
    const t = this.state;
    return new FakeRange(this.fake, t.sheet, {
      row: t.row,
      col: t.col,
      rows: Math.max(t.rows, 1),
      cols: t.width,
    });
  }

  get rows(): {
    add(index: number | null | undefined, values: unknown[][]): void;
    getItemAt(i: number): { delete(): void };
  } {
    this.use("Table.rows");
    const t = this.state;
    return {
      add: (index, values) => {
        this.fake.count();
        if (index !== null && index !== undefined)
          throw new FakeExcelError("InvalidArgument", "the fake appends rows only");
        this.fake.write(t.sheet, a1(t.row + t.rows, t.col), "add table row");
        shiftRows(t.sheet, t.row + t.rows, t.col, t.width, values.length);
        values.forEach((row, r) =>
          row.forEach((v, c) => this.fake.input(t.sheet, t.row + t.rows + r, t.col + c, v))
        );
        t.rows += values.length;
      },
      getItemAt: (i) => {
        this.fake.count();
        if (i < 0 || i >= t.rows) throw new FakeExcelError("ItemNotFound", `no table row ${i}`);
        return {
          delete: () => {
            this.fake.count();
            this.fake.write(t.sheet, a1(t.row + i, t.col), "delete table row");
            shiftRows(t.sheet, t.row + i + 1, t.col, t.width, -1);
            t.rows -= 1;
          },
        };
      },
    };
  }
}

/** Moves the cells of the table's columns from `fromRow` down by `by` rows (up when negative). */
function shiftRows(
  sheet: SheetState,
  fromRow: number,
  col: number,
  width: number,
  by: number
): void {
  const moved: [number, number, CellState][] = [];
  for (const [key, cell] of [...sheet.cells]) {
    const { row, col: c } = parseRange(key);
    if (c < col || c >= col + width) continue;
    if (by < 0 && row === fromRow + by) sheet.cells.delete(key);
    if (row >= fromRow) {
      sheet.cells.delete(key);
      moved.push([row + by, c, cell]);
    }
  }
  for (const [row, c, cell] of moved) sheet.cells.set(a1(row, c), cell);
}

// ---------------------------------------------------------------- snapshot

export interface SnapshotCell {
  value: CellValue;
  formula: string | null;
  format: string;
  bold?: true;
  italic?: true;
  size?: number;
  fontColor?: string;
  fill?: string;
}

export interface FakeSnapshot {
  sheets: {
    name: string;
    protected: boolean;
    cells: Record<string, SnapshotCell>;
    columnWidths: Record<string, number>;
    conditionalFormats: ConditionalFormatState[];
    colorScales: ColorScaleState[];
    charts: ChartState[];
    pageLayout: PageLayoutState | null;
  }[];
  names: { name: string; reference: string; comment: string; visible: boolean; scope?: string }[];
  tables: {
    name: string;
    sheet: string;
    address: string;
    headers: string[];
    rows: CellValue[][];
  }[];
  settings: Record<string, unknown>;
}

function sortedCells(cells: Map<string, CellState>): [string, CellState][] {
  return [...cells].sort(([a], [b]) => {
    const ra = parseRange(a);
    const rb = parseRange(b);
    return ra.row - rb.row || ra.col - rb.col;
  });
}

function snapshotCell(c: CellState): SnapshotCell {
  const cell: SnapshotCell = { value: c.value, formula: c.formula, format: c.format };
  if (c.bold) cell.bold = true;
  if (c.italic) cell.italic = true;
  if (c.size) cell.size = c.size;
  if (c.fontColor) cell.fontColor = c.fontColor;
  if (c.fill) cell.fill = c.fill;
  return cell;
}

/** The fake's final state as plain JSON (see the shape at the top of this file). */
export function snapshotWorkbook(fake: FakeExcel): FakeSnapshot {
  return JSON.parse(
    JSON.stringify({
      sheets: fake.sheets.map((s) => ({
        name: s.name,
        protected: s.protected,
        cells: Object.fromEntries(
          sortedCells(s.cells)
            .filter(
              ([, c]) =>
                c.value !== null || c.formula !== null || c.format !== "General" || hasLook(c)
            )
            .map(([key, c]) => [key, snapshotCell(c)])
        ),
        columnWidths: Object.fromEntries([...s.columnWidths].sort()),
        conditionalFormats: s.conditionalFormats,
        colorScales: s.colorScales,
        charts: s.charts,
        pageLayout: s.pageLayout,
      })),
      names: fake.names.map((n) => ({
        name: n.name,
        reference: `${quoteSheet(n.sheet.name)}!${n.address}`,
        comment: n.comment,
        visible: n.visible,
        // Only sheet-scoped names carry a scope (the sheet's name).
        ...(n.scope ? { scope: n.scope.name } : {}),
      })),
      tables: fake.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: rectAddress({ row: t.row - 1, col: t.col, rows: t.rows + 1, cols: t.width }),
        headers: Array.from({ length: t.width }, (_, c) =>
          String(t.sheet.cells.get(a1(t.row - 1, t.col + c))?.value ?? "")
        ),
        rows: fake.tableValues(t.name),
      })),
      settings: fake.savedSettings,
    })
  ) as FakeSnapshot;
}
