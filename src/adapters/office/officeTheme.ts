/** Office's theme as IRO Desk's: dark when the task pane background is dark. */
export function officeTheme(): "light" | "dark" | "contrast" {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#[0-9a-f]{6}$/i.test(background)) return "light";
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 100 ? "dark" : "light";
}
