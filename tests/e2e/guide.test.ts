// /huong-dan/ is written for a civil servant who knows Excel and never used a terminal: no terminal
// command outside the maintainers' section (#quan-tri), which holds them all; every message code
// keeps its example and fix; the downloads and the check page it sends editors to exist.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../pipeline/messages.ts";
import { BASE_PATH, E2E_OUT_DIR } from "./harness.ts";

const html = readFileSync(join(E2E_OUT_DIR, "huong-dan", "index.html"), "utf8");
/** What a terminal command looks like: a program name then an argument, an option, a script path. */
const terminal = /\b(npm|npx|node|git|pnpm|yarn|cd|ls)\s+\S|(^|\s)--[a-z]|\bpipeline\/cli\b/m;

function parse(): Document {
  return new DOMParser().parseFromString(html, "text/html") as unknown as Document;
}

describe("/huong-dan/", () => {
  it("has no terminal command outside the maintainers' section, which holds them", () => {
    const document = parse();
    const maintainers = document.querySelector("#quan-tri");
    expect(maintainers?.textContent).toMatch(/npm run validate -- --data/);
    expect(maintainers?.textContent).toMatch(/npm run template -- --year \d{4} --out/);
    maintainers?.remove();
    const main = document.querySelector("main")?.textContent ?? "";
    expect(main.length).toBeGreaterThan(5000);
    expect(main).not.toMatch(terminal);
    expect(main).not.toContain("Nó báomọi");
  });

  it("keeps every message code with its example message and fix", () => {
    const document = parse();
    for (const code of Object.keys(catalogue)) {
      const cells = [...(document.querySelector(`#loi-${code}`)?.querySelectorAll("td") ?? [])].map(
        (td) => td.textContent?.trim() ?? "",
      );
      expect(cells, code).toHaveLength(4);
      expect(cells[0], code).toBe(code);
      expect(cells[2]?.length, code).toBeGreaterThan(15);
      expect(cells[3]?.length, code).toBeGreaterThan(10);
    }
  });

  it("links to downloads and pages that exist in the build", () => {
    const document = parse();
    const links = [...document.querySelectorAll("main a[href^='/']")].map(
      (a) => a.getAttribute("href") as string,
    );
    expect(links).toContain(`${BASE_PATH}kiem-tra/`);
    expect(links.filter((link) => link.endsWith(".xlsx")).length).toBeGreaterThanOrEqual(2);
    for (const link of new Set(links)) {
      const path = link.slice(BASE_PATH.length).split("#")[0] as string;
      const file = path.endsWith("/") || path === "" ? join(path, "index.html") : path;
      expect(existsSync(join(E2E_OUT_DIR, file)), link).toBe(true);
    }
  });

  it("sends the file without an English-only screen: to the maintainer by mail or USB, GitHub's buttons glossed", () => {
    const document = parse();
    const direct = document.querySelector("#gui-truc-tiep")?.textContent ?? "";
    expect(direct).toMatch(/người quản trị trang/);
    expect(direct).toMatch(/thư\s+điện tử/);
    expect(direct).toMatch(/USB/);
    const github = document.querySelector("#gui-github");
    const buttons = [...(github?.querySelectorAll("em") ?? [])].filter((em) =>
      /^[A-Za-z ]+$/.test(em.textContent ?? ""),
    );
    expect(buttons.map((em) => em.textContent)).toContain("Create pull request");
    // Every English button name is followed by its meaning in Vietnamese, in brackets.
    for (const em of buttons) {
      let after = "";
      for (let node = em.nextSibling; node !== null && node.nodeType === 3; node = node.nextSibling)
        after += node.textContent ?? "";
      expect(after.trimStart(), em.textContent ?? "").toMatch(/^\(\p{L}/u);
    }
    // What happens next is the list under the heading.
    expect(document.querySelector("#sau-khi-gui")?.nextElementSibling?.textContent).toMatch(
      /báo lại cho người gửi/,
    );
  });
});
