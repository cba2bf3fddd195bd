/** Excel serial date-time (1900 system, fractional days) of a moment, in the local time zone the trader sees. */
export function excelSerialFromDate(date: Date): number {
  const localMs = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds()
  );
  return localMs / 86400000 + 25569;
}
