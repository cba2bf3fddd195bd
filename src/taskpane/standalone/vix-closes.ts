/**
 * The standalone pane's VIX closes: a textarea the trader pastes a column of closes into, kept in
 * localStorage so they are there the next time the page opens. Excel reads them from the
 * workbook's ALVH_History table instead (../excel-history.ts).
 */
import { byId } from "../dom";
import { parseVixCloses, type VixClosesSource } from "../signals/closes";
import type { KeyValueStore } from "../../hosts/standalone/storage";

export const VIX_CLOSES_KEY = "alvh.vixCloses";

export function standaloneVixCloses(
  store: KeyValueStore,
  /** The locale's decimal separator, known once the pane has started ("." until then). */
  decimal: () => string = () => "."
): VixClosesSource {
  byId("vix-closes-box").hidden = false;
  const area = byId<HTMLTextAreaElement>("vix-closes");
  const error = byId("vix-closes-error");
  const listeners: (() => void)[] = [];
  let closes: readonly number[] | undefined;
  /** The text and separator the closes were read with: read again only when either changes. */
  let readFor: string | undefined;

  const read = (): void => {
    const key = `${decimal()}\n${area.value}`;
    if (key === readFor) return;
    readFor = key;
    const parsed = parseVixCloses(area.value, decimal());
    const message = "error" in parsed ? parsed.error : "";
    error.textContent = message;
    error.hidden = message === "";
    if (message) area.setAttribute("aria-invalid", "true");
    else area.removeAttribute("aria-invalid");
    closes = "closes" in parsed && parsed.closes.length > 0 ? parsed.closes : undefined;
  };

  area.value = store.getItem(VIX_CLOSES_KEY) ?? "";
  // Kept whatever it holds, a half-pasted column included: the trader's text is never lost.
  area.addEventListener("input", () => {
    store.setItem(VIX_CLOSES_KEY, area.value);
    read();
    for (const listener of listeners) listener();
  });
  return {
    // Read when asked, so the stored text is read with the locale the pane started in.
    closes: () => {
      read();
      return closes;
    },
    onChange: (listener) => void listeners.push(listener),
  };
}
