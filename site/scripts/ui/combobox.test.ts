import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { communeCombobox } from "./combobox.ts";

// The picker builds its options with the page's document: it is given one.
const { document, window } = parseHTML(`<!doctype html><html><body></body></html>`);
const { Event, Element } = window as unknown as typeof globalThis;
Object.assign(globalThis, { document, Element });

const communes = [
  { code: "11215", name: "Xã Hồng Dụ" },
  { code: "11216", name: "Xã Hồng Phong" },
  { code: "11217", name: "Xã An Đức" },
];

function picker(maxChosen: number) {
  const input = document.createElement("input");
  const listbox = document.createElement("ul");
  const chosen = document.createElement("ul");
  const announcer = document.createElement("p");
  document.body.replaceChildren(input, listbox, chosen, announcer);
  const changes: string[][] = [];
  communeCombobox({ input, listbox, chosen, announcer }, communes, maxChosen, (codes) => changes.push(codes));
  const pick = (query: string, code: string) => {
    input.value = query;
    input.dispatchEvent(new Event("input"));
    listbox.querySelector(`[data-code="${code}"]`)?.dispatchEvent(new Event("click", { bubbles: true }));
  };
  const shown = () => [...chosen.querySelectorAll("button")].map((button) => button.textContent);
  return { pick, shown, changes };
}

describe("the commune picker", () => {
  it("of one unit (a unit page's comparison) replaces its choice", () => {
    const { pick, shown, changes } = picker(1);
    pick("hong", "11215");
    pick("an duc", "11217");
    expect(changes).toEqual([["11215"], ["11217"]]);
    expect(shown()).toEqual(["Xã An Đức"]);
  });

  it("of several (/so-sanh/) adds up to its most, then refuses", () => {
    const { pick, shown, changes } = picker(2);
    pick("hong", "11215");
    pick("hong", "11216");
    pick("an", "11217");
    expect(changes).toEqual([["11215"], ["11215", "11216"]]);
    expect(shown()).toEqual(["Xã Hồng Dụ", "Xã Hồng Phong"]);
  });
});
