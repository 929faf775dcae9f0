// Horizontal bar charts drawn in the browser from query results (the static charts are Plot SVG
// rendered at build time; these answer a reader's choice). Text from data is only ever set as
// textContent, never parsed as markup.

const svgNs = "http://www.w3.org/2000/svg";

/**
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; series are also
 * told apart by order (always the legend's order) and by the value written at each bar's end.
 */
export const seriesColours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"] as const;

export interface Bar {
  /** Index into `seriesColours` (the compared commune, or 0/1 for "others"/"chosen"). */
  series: number;
  value: number;
  /** Written after the bar, e.g. "85,67%". */
  valueText: string;
  /** Shown on hover: the full sentence for this bar. */
  tooltip: string;
}

export interface BarGroup {
  label: string;
  bars: Bar[];
  /** A reference mark across the group's bars, such as the district average. */
  reference?: { value: number; tooltip: string };
}

export interface BarChartOptions {
  groups: BarGroup[];
  /** The value at the right end of the scale (100 for %, the largest maximum for points). */
  scaleMax: number;
  /** The chart's accessible name: what it shows and its finding. */
  ariaLabel: string;
  /**
   * Width of a label column left of the bars (for short labels such as commune names); without
   * it each group's label is written above its bars (long labels such as domain names).
   */
  labelWidth?: number;
  /** Width in SVG units; by default 640. Pass `fittedWidth(container)` so text keeps its size on a phone. */
  width?: number;
}

const defaultWidth = 640;
const valueSpace = 70;
const barHeight = 16;
const barGap = 3;
const groupGap = 12;

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function withTitle<E extends SVGElement>(element: E, text: string): E {
  const title = svgElement("title", {});
  title.textContent = text;
  element.append(title);
  element.dataset.tooltip = text;
  return element;
}

/**
 * The container's width in CSS pixels, between 300 and 640: drawn at that width, the chart's
 * 13-unit text is 13 px on screen, legible on a phone and not oversized on a desktop.
 */
export function fittedWidth(container: HTMLElement): number {
  return Math.round(Math.min(defaultWidth, Math.max(300, container.clientWidth || defaultWidth)));
}

/** Splits a label into lines of at most `maxChars` characters, at spaces (SVG text never wraps). */
export function wrapLabel(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}

// Bold 13-unit system-font text averages about 7.5 units per character.
const characterWidth = 7.5;
const lineHeight = 16;

/** A grouped horizontal bar chart as an SVG element that scales to its container's width. */
export function barChart({
  groups,
  scaleMax,
  ariaLabel,
  labelWidth = 0,
  width = defaultWidth,
}: BarChartOptions): SVGSVGElement {
  const left = labelWidth;
  const plotWidth = width - valueSpace - left;
  const x = (value: number) => left + (scaleMax > 0 ? (Math.max(0, value) / scaleMax) * plotWidth : 0);
  const labelLines = groups.map((group) =>
    labelWidth === 0 ? wrapLabel(group.label, Math.floor(width / characterWidth)) : [group.label],
  );
  const labelAbove = (index: number) =>
    labelWidth === 0 ? (labelLines[index]?.length ?? 1) * lineHeight + 4 : 0;
  const gapAfter = labelWidth === 0 ? groupGap : barGap * 2;
  const groupHeight = (group: BarGroup, index: number) =>
    labelAbove(index) + group.bars.length * (barHeight + barGap) + gapAfter;
  const height = groups.reduce((sum, group, index) => sum + groupHeight(group, index), 0);
  const svg = svgElement("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width: "100%",
    role: "img",
    "aria-label": ariaLabel,
    class: "bar-chart",
    // Attributes rather than page CSS, so that a downloaded copy looks the same.
    "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
    "font-size": 13,
    fill: "#1a1a1a",
  });
  // Layers: bars, then reference marks across them, then values (with a white halo) on top.
  const bars = svgElement("g", {});
  const references = svgElement("g", {});
  const values = svgElement("g", {});
  let y = 0;
  groups.forEach((group, groupIndex) => {
    const barsTop = y + labelAbove(groupIndex);
    const label = svgElement(
      "text",
      labelWidth === 0
        ? { x: 0, y, "font-weight": 600, class: "bar-chart__label" }
        : {
            x: labelWidth - 6,
            y: barsTop + barHeight - 3,
            "text-anchor": "end",
            "font-weight": 600,
            class: "bar-chart__label",
          },
    );
    (labelLines[groupIndex] ?? []).forEach((line, lineIndex) => {
      const span = svgElement("tspan", labelWidth === 0 ? { x: 0, y: y + 13 + lineIndex * lineHeight } : {});
      span.textContent = line;
      label.append(span);
    });
    bars.append(label);
    group.bars.forEach((bar, index) => {
      const top = barsTop + index * (barHeight + barGap);
      const colour = seriesColours[bar.series % seriesColours.length] ?? seriesColours[0];
      bars.append(
        withTitle(
          svgElement("rect", {
            x: left,
            y: top,
            width: x(bar.value) - left,
            height: barHeight,
            fill: colour,
            class: "bar-chart__bar",
          }),
          bar.tooltip,
        ),
      );
      const value = withTitle(
        svgElement("text", {
          x: x(bar.value) + 4,
          y: top + barHeight - 3,
          stroke: "#ffffff",
          "stroke-width": 3,
          "paint-order": "stroke",
          class: "bar-chart__value",
        }),
        bar.tooltip,
      );
      value.append(bar.valueText);
      values.append(value);
    });
    if (group.reference) {
      const bottom = barsTop + group.bars.length * (barHeight + barGap) - barGap;
      const referenceX = x(group.reference.value);
      const line = { x1: referenceX, x2: referenceX, y1: barsTop - 2, y2: bottom + 2 };
      const reference = withTitle(
        svgElement("g", { class: "bar-chart__reference" }),
        group.reference.tooltip,
      );
      reference.append(
        svgElement("line", { ...line, stroke: "#1a1a1a", "stroke-width": 2, "stroke-dasharray": "3 2" }),
        // A wider transparent line makes the thin mark easy to hover.
        svgElement("line", { ...line, stroke: "transparent", "stroke-width": 10 }),
      );
      references.append(reference);
    }
    y += groupHeight(group, groupIndex);
  });
  svg.append(bars, references, values);
  return svg;
}

/**
 * Shows the `data-tooltip` of the mark under the pointer in a box next to it. One listener on the
 * container serves every chart drawn into it, including charts redrawn later.
 */
export function enableTooltips(container: HTMLElement): void {
  if (container.dataset.tooltips === "on") return;
  container.dataset.tooltips = "on";
  const tip = document.createElement("div");
  tip.className = "chart-tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  container.append(tip);
  container.addEventListener("pointermove", (event) => {
    const target =
      event.target instanceof Element ? event.target.closest<SVGElement>("[data-tooltip]") : null;
    if (!target?.dataset.tooltip) {
      tip.hidden = true;
      return;
    }
    tip.textContent = target.dataset.tooltip;
    tip.hidden = false;
    const box = container.getBoundingClientRect();
    tip.style.left = `${Math.min(event.clientX - box.left + 12, box.width - tip.offsetWidth)}px`;
    tip.style.top = `${event.clientY - box.top + 16}px`;
  });
  container.addEventListener("pointerleave", () => {
    tip.hidden = true;
  });
}
