/**
 * Commands of the shared runtime: the ribbon's "Write schedule" button (ExecuteFunction in
 * manifest.xml) and the keyboard shortcuts of shortcuts.json call these action ids, which the pane
 * maps to functions with Office.actions.associate as soon as it runs inside Excel.
 */

/** Action ids, as manifest.xml's FunctionName and shortcuts.json's actions spell them. */
export const ACTIONS = {
  showPane: "ShowTaskpane",
  writeSchedule: "WriteSchedule",
} as const;

/** The event Office passes to an ExecuteFunction command; keyboard shortcuts pass none. */
interface CommandEvent {
  completed(): void;
}

export interface ActionsPort {
  associate(actionId: string, action: (event?: CommandEvent) => unknown): void;
}

export interface AddinPort {
  showAsTaskpane(): Promise<void>;
}

/**
 * Registers both actions. Writing first shows the pane, where the outcome (or what to fix in the
 * form) is reported, as when the trader presses the pane's own button.
 */
export function registerActions(
  actions: ActionsPort,
  addin: AddinPort,
  writeSchedule: () => Promise<void>
): void {
  const command =
    (run: () => Promise<void>) =>
    async (event?: CommandEvent): Promise<void> => {
      try {
        await run();
      } finally {
        // Office waits for this call before it runs another command.
        event?.completed();
      }
    };
  actions.associate(
    ACTIONS.showPane,
    command(() => addin.showAsTaskpane())
  );
  actions.associate(
    ACTIONS.writeSchedule,
    command(async () => {
      await addin.showAsTaskpane();
      await writeSchedule();
    })
  );
}
