import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { barChart, wrapLabel } from "./bars.ts";

beforeAll(() => {
  // The chart is built with the page's `document`; linkedom stands in for it here.
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  Object.assign(globalThis, { document });
});

describe("wrapLabel", () => {
  it("breaks a long domain name at spaces, never inside a word", () => {
    expect(wrapLabel("8. Tác động của cải cách hành chính đến người dân", 20)).toEqual([
      "8. Tác động của cải",
      "cách hành chính đến",
      "người dân",
    ]);
    expect(wrapLabel("Ngắn", 20)).toEqual(["Ngắn"]);
  });
});

describe("barChart", () => {
  const chart = () =>
    barChart({
      width: 640,
      scaleMax: 100,
      ariaLabel: "Hai xã",
      groups: [
        {
          label: '<img src=x onerror="alert(1)">',
          bars: [
            { series: 0, value: 50, valueText: "50,00%", tooltip: "Xã A: 50,00%" },
            { series: 1, value: 100, valueText: "100,00%", tooltip: "<script>alert(1)</script>" },
          ],
          reference: { value: 20, tooltip: "Trung bình huyện: 20,00%" },
        },
      ],
    });

  it("draws bar lengths in proportion to the values", () => {
    // Plot area = 640 − 70 (room for the value text) = 570 units: 50% → 285, 100% → 570,
    // and the reference at 20% → x = 114.
    const svg = chart();
    expect([...svg.querySelectorAll("rect")].map((rect) => rect.getAttribute("width"))).toEqual([
      "285",
      "570",
    ]);
    expect(svg.querySelector(".bar-chart__reference line")?.getAttribute("x1")).toBe("114");
    expect(svg.getAttribute("aria-label")).toBe("Hai xã");
  });

  it("writes text from the data as text, never as markup", () => {
    const svg = chart();
    expect(svg.querySelector("img")).toBeNull();
    expect(svg.querySelector("script")).toBeNull();
    expect(svg.querySelector(".bar-chart__label")?.textContent).toBe('<img src=x onerror="alert(1)">');
    expect([...svg.querySelectorAll("title")].map((title) => title.textContent)).toContain(
      "<script>alert(1)</script>",
    );
  });
});
