import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";

// The module sorts the page's tables when loaded: it is given a document first.
const { document } = parseHTML(`<!doctype html><html><body>
  <table class="sortable">
    <thead><tr><th>Xã</th><th>Chỉ số</th></tr></thead>
    <tbody>
      <tr><td data-sort="Xã Hồng Dụ">Xã Hồng Dụ</td><td data-sort="85.67">85,67%</td></tr>
      <tr><td data-sort="Xã An Đức">Xã An Đức</td><td data-sort="9.5">9,50%</td></tr>
      <tr><td data-sort="Xã Đồng Tâm">Xã Đồng Tâm</td><td data-sort="85.67">85,67%</td></tr>
      <tr><td data-sort="Xã Bình Xuyên">Xã Bình Xuyên</td><td data-sort="100">100,00%</td></tr>
    </tbody>
  </table></body></html>`);

beforeAll(async () => {
  Object.assign(globalThis, { document });
  await import("./sort-table.ts");
});

const names = () =>
  [...document.querySelectorAll("tbody tr")].map((row) => row.firstElementChild?.textContent);
const click = (column: number) =>
  document
    .querySelectorAll("thead th button")
    [column]?.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event("click"));

describe("sortable tables", () => {
  it("turns every heading into a button", () => {
    expect([...document.querySelectorAll("thead th button")].map((button) => button.textContent)).toEqual([
      "Xã",
      "Chỉ số",
    ]);
  });

  it("sorts numbers as numbers (9,50 before 85,67), equal keys in their published order, then descending", () => {
    click(1);
    expect(names()).toEqual(["Xã An Đức", "Xã Hồng Dụ", "Xã Đồng Tâm", "Xã Bình Xuyên"]);
    expect(document.querySelectorAll("thead th")[1]?.getAttribute("aria-sort")).toBe("ascending");
    click(1);
    expect(names()).toEqual(["Xã Bình Xuyên", "Xã Hồng Dụ", "Xã Đồng Tâm", "Xã An Đức"]);
    expect(document.querySelectorAll("thead th")[1]?.getAttribute("aria-sort")).toBe("descending");
  });

  it("sorts names in Vietnamese order (Đ after D, before E) and marks only the sorted column", () => {
    click(0);
    expect(names()).toEqual(["Xã An Đức", "Xã Bình Xuyên", "Xã Đồng Tâm", "Xã Hồng Dụ"]);
    expect(document.querySelectorAll("thead th")[1]?.hasAttribute("aria-sort")).toBe(false);
  });
});
