import type { KeyValueStore } from "../../src/hosts/standalone/storage";

export interface MemoryStore extends KeyValueStore {
  data: Map<string, string>;
  /** setItem calls so far, refused ones included. */
  writes: number;
}

/**
 * An in-memory localStorage for the standalone stores. `quota` is the longest value it accepts:
 * a longer one throws QuotaExceededError, as a full localStorage does, and is not stored.
 */
export function memoryStore(quota = Infinity): MemoryStore {
  const data = new Map<string, string>();
  const store: MemoryStore = {
    data,
    writes: 0,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      store.writes++;
      if (value.length > quota) {
        throw Object.assign(new Error("The quota has been exceeded."), {
          name: "QuotaExceededError",
        });
      }
      data.set(key, value);
    },
  };
  return store;
}
