/** The local calendar date `days` from now as ISO text (YYYY-MM-DD), as the pane's forms take it. */
export function isoDaysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
