/**
 * The pane follows Office's theme inside Office (Office.context.officeTheme: a dark or black
 * Office gets the dark tokens of taskpane.css) and the system's `prefers-color-scheme` standalone,
 * which the stylesheet reads itself; `data-theme` on <html> overrides the media query.
 */

export type Theme = "light" | "dark";

/** What office.js reports; colours are "#RRGGBB" (older hosts omit the object). */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance (WCAG) of "#RRGGBB", or undefined when it is not such a colour. */
function luminance(color: string): number | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!match) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(match[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office says so, or when the pane's background is dark; undefined when unknown. */
export function themeOfOffice(theme: OfficeThemeLike | null | undefined): Theme | undefined {
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const l = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : undefined;
  return l === undefined ? undefined : l < 0.2 ? "dark" : "light";
}

/** Sets the theme on <html>; with no Office theme the stylesheet's media query decides. */
export function applyTheme(root: { dataset: DOMStringMap }, theme: Theme | undefined): void {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}
