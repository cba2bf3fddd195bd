type CustomFunction = (...args: never[]) => unknown;

/**
 * Where the functions register. Excel's runtime (office.js) provides a global `CustomFunctions`;
 * the standalone page loads the same bundle without office.js, and there registering means
 * nothing. Reading the global at call time, not at import, keeps the bundle loadable everywhere.
 */
export const hostRegistry = {
  associate(id: string, fn: CustomFunction): void {
    const host = (globalThis as { CustomFunctions?: { associate?: unknown } }).CustomFunctions;
    if (host && typeof host.associate === "function") host.associate(id, fn);
  },
};
