// The one colour palette of every output: the pages' CSS (as custom properties in /bang-mau.css,
// site/pages/bang-mau.css.ts), the charts drawn by Plot, their downloads and the share images.
// Series and bands take the Okabe–Ito palette, distinct for the common forms of colour blindness and
// different in lightness too; each band colour has a darker twin for text on white (contrast ≥ 4.5:1).
// A test holds the stylesheets and the chart code to this file (no colour written anywhere else).

export const palette = {
  ink: "#1a1a1a",
  muted: "#4d4d4d",
  line: "#c9ced6",
  paper: "#ffffff",
  tint: "#f2f5f9",
  accent: "#0b4f8a",
  /** Text on the accent (the header). */
  onAccent: "#ffffff",
  warnBg: "#fff3cd",
  warnInk: "#5c4300",
  warnLine: "#b38600",
  errorLine: "#b3261e",
  errorBg: "#fdecea",
  errorInk: "#a30000",
  focus: "#e69f00",
  /** Chart titles and reference marks: the district average, the zero line. */
  reference: "#111111",
  /** Interval whiskers. */
  interval: "#555555",
  /** Chart captions and the bands' thresholds. */
  caption: "#444444",
  /** Print: the page foot and the sample notice's border. */
  print: "#333333",
  printLine: "#000000",
  /** The units compared or highlighted, in order (series 0 is also a chart's single colour). */
  series: ["#0072B2", "#D55E00", "#009E73", "#CC79A7"],
  /** Above and below the district average. */
  above: "#56B4E9",
  below: "#D55E00",
  /** The grading bands from the best, and their text twins. */
  bands: ["#0072B2", "#009E73", "#D55E00", "#CC79A7", "#E69F00"],
  bandText: ["#005a8c", "#00674c", "#a84400", "#8a3d6b", "#7a5400"],
  /** A plan step done on time, or late. */
  onTime: "#005a3f",
  late: "#8f3a00",
} as const;

/** The palette as CSS custom properties: `--warn-bg`, `--series-0`, `--band-text-2` … */
export function paletteCss(): string {
  const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const lines = Object.entries(palette).flatMap(([name, value]) =>
    typeof value === "string"
      ? [`  --${kebab(name)}: ${value};`]
      : value.map((colour, i) => `  --${kebab(name)}-${i}: ${colour};`),
  );
  return `:root {\n${lines.join("\n")}\n}\n`;
}
