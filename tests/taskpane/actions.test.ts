/**
 * The shared runtime's commands: the ribbon's Write schedule button and both keyboard shortcuts
 * reach the pane through Office.actions.associate, and Office is told each command completed,
 * even when writing fails (otherwise Excel would not run the next command).
 */
import { describe, expect, it, vi } from "vitest";
import { ACTIONS, registerActions } from "../../src/hosts/excel/actions";

function setUp(write: () => Promise<void> = () => Promise.resolve()) {
  const actions = new Map<string, (event?: { completed(): void }) => unknown>();
  const addin = { showAsTaskpane: vi.fn(() => Promise.resolve()) };
  const writeSchedule = vi.fn(write);
  registerActions({ associate: (id, fn) => void actions.set(id, fn) }, addin, writeSchedule);
  return { actions, addin, writeSchedule };
}

describe("registerActions", () => {
  it("associates exactly the manifest's and shortcuts' action ids", () => {
    expect([...setUp().actions.keys()].sort()).toEqual(Object.values(ACTIONS).sort());
  });

  it("opens the pane", async () => {
    const { actions, addin, writeSchedule } = setUp();
    const event = { completed: vi.fn() };
    await actions.get(ACTIONS.showPane)!(event);
    expect(addin.showAsTaskpane).toHaveBeenCalledOnce();
    expect(writeSchedule).not.toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledOnce();
  });

  it("writes the schedule with the pane shown, from the ribbon or a shortcut (no event)", async () => {
    const { actions, addin, writeSchedule } = setUp();
    await actions.get(ACTIONS.writeSchedule)!();
    expect(addin.showAsTaskpane).toHaveBeenCalledOnce();
    expect(writeSchedule).toHaveBeenCalledOnce();
  });

  it("completes the command even when writing fails", async () => {
    const { actions } = setUp(() => Promise.reject(new Error("Excel is busy")));
    const event = { completed: vi.fn() };
    await expect(actions.get(ACTIONS.writeSchedule)!(event)).rejects.toThrow("Excel is busy");
    expect(event.completed).toHaveBeenCalledOnce();
  });
});
