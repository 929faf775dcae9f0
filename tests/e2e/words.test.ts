// Public pages speak plain Vietnamese: engine names, hashes, table and column names, feed
// formats and licences appear only in the section for re-users of /du-lieu/ (marked
// data-reusers). Read from every built page: its visible text and the text of its names,
// descriptions and link previews.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { E2E_OUT_DIR } from "./harness.ts";

const forbidden = ["DuckDB", "WASM", "SHA", "commune_code", "survey_options", "MIT", "Atom"];
// The data editors' pages name the columns of the files the editors fill in (commune_code is
// what they type in row 1); they are for the Phòng Nội vụ's staff, not the public.
const editorsPages = ["/huong-dan/index.html", "/kiem-tra/index.html"];

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith(".html") ? [path] : [];
  });
}

/** What a reader can see or hear of a page, the re-users' section left out. */
function publicText(html: string): { text: string; reusersSections: number } {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll("script, style")) element.remove();
  const reusers = document.querySelectorAll("[data-reusers]");
  for (const element of reusers) element.remove();
  const attributes = [
    ...document.querySelectorAll("[aria-label], [title], [alt], [placeholder], meta[content]"),
  ]
    .filter(
      (element) =>
        element.tagName !== "META" ||
        /description|og:|twitter:/.test(
          element.getAttribute("name") ?? element.getAttribute("property") ?? "",
        ),
    )
    .flatMap((element) =>
      ["aria-label", "title", "alt", "placeholder", "content"].map(
        (name) => element.getAttribute(name) ?? "",
      ),
    );
  return {
    text: [document.title, document.body?.textContent ?? "", ...attributes].join("\n"),
    reusersSections: reusers.length,
  };
}

const pages = htmlFiles(E2E_OUT_DIR).map((file) => ({
  path: `/${relative(E2E_OUT_DIR, file)}`,
  ...publicText(readFileSync(file, "utf8")),
}));

describe("plain words on public pages", () => {
  it("reads every built page, and finds the re-users' section on /du-lieu/ only", () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(pages.map((page) => page.path)).toContain("/huong-dan/index.html");
    const withSection = pages.filter((page) => page.reusersSections > 0).map((page) => page.path);
    expect(withSection).toEqual(["/du-lieu/index.html"]);
  });

  for (const word of forbidden) {
    it(`no page outside the re-users' section says "${word}"`, () => {
      const pattern = new RegExp(`\\b${word}\\b`, "u");
      const offending = pages.filter((page) => pattern.test(page.text)).map((page) => page.path);
      expect(offending.filter((path) => !editorsPages.includes(path))).toEqual([]);
    });
  }
});
