// The layer rules of the README's Architecture table, checked by `npm run depcheck` in CI:
//
//   core  ←  functions            (custom-function adapters)
//   core  ←  workbook             (the plan and its renderers)
//   core, workbook  ←  hosts      (where the pane runs: src/hosts/excel, src/hosts/standalone)
//   core, workbook, hosts  ←  taskpane
//
// An arrow points from what is used to its user; nothing imports against an arrow. Type-only
// imports count too: a type from a higher layer couples a lower one just as much.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment:
        "src/core is the domain: it imports only its own modules and the @stdlib packages it computes with " +
        "(no Office, no DOM, nothing of the add-in's edges).",
      severity: "error",
      from: { path: "^src/core/" },
      to: { pathNot: ["^src/core/", "^node_modules/@stdlib/"] },
    },
    {
      name: "functions-use-only-core",
      comment:
        "src/functions adapts Excel's arguments to the engine: it imports src/core and its own folder only.",
      severity: "error",
      from: { path: "^src/functions/" },
      to: { pathNot: ["^src/core/", "^src/functions/"] },
    },
    {
      name: "workbook-uses-only-core",
      comment:
        "src/workbook describes and renders the workbook: of the add-in it imports src/core and its own " +
        "folder only (npm packages such as exceljs are allowed), never the task pane or a host.",
      severity: "error",
      from: { path: "^src/workbook/" },
      to: { path: "^src/", pathNot: ["^src/core/", "^src/workbook/"] },
    },
    {
      name: "hosts-use-only-core-and-workbook",
      comment:
        "src/hosts is where the pane runs (the Excel workbook, the browser): of the add-in it imports " +
        "src/core, src/workbook and its own folder only, never the task pane that uses it.",
      severity: "error",
      from: { path: "^src/hosts/" },
      to: { path: "^src/", pathNot: ["^src/core/", "^src/workbook/", "^src/hosts/"] },
    },
    {
      name: "core-through-its-index",
      comment:
        "Outside src/core the engine is imported from its index (one import style): what core exports " +
        "is what its index says, and a module can move inside core without touching its users.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/core/" },
      to: { path: "^src/core/", pathNot: "^src/core/index\\.ts$" },
    },
    {
      name: "src-does-not-import-tooling",
      comment: "The shipped code never imports tests, benchmarks or build scripts.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(tests|bench|scripts)/" },
    },
    {
      name: "no-circular",
      comment: "An import cycle makes module order matter and a module half-initialised when read.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that does not resolve would slip through every other rule.",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.(css|html)$" },
    tsPreCompilationDeps: true,
    // Paths stay "node_modules/..." where node_modules is a symlink (a git worktree sharing one install).
    preserveSymlinks: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
