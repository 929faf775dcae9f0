// Issue 24: the worst texts validation accepts, in every text field at once, through the whole build
// (the data, then Astro): it succeeds, every XML and SVG file it writes parses with a strict XML
// parser, no markup in a text becomes an element of a page, and the commune's page carries its name.
// The random search is the property test (tests/unit/publish/text-property.test.ts); these are its
// extremes, a full build each. The build reads its own data folder (PUBLISHED_DATA_DIR), not data/.
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InputFileName } from "../../pipeline/model.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import { sha256 } from "../../pipeline/validate/digest.ts";
import { validateFiles } from "../../pipeline/validate/index.ts";
import { textKinds, type TextKind } from "../../schemas/text.ts";
import { baseTexts, parseXml, textFields, withValues } from "../support/text-fields.ts";
import { buildOtherData } from "./build.ts";

/** `unit` repeated and cut to exactly `length` characters, ending in a letter (cells are trimmed). */
function filled(unit: string, length: number): string {
  const chars = [...unit.repeat(Math.ceil(length / [...unit].length) + 1)].slice(0, length - 1);
  return `${chars.join("")}x`;
}

const markup = `<b id="injected">Hồng</b> & "Dụ" 'Ứng' ]]> <!-- 😀👨‍👩‍👧 `;
/** Each kind's text at its limit, full of markup, emoji and (in paragraphs) line breaks. */
const longest: Record<TextKind, string> = {
  name: filled(`Xã ${markup}`, textKinds.name.max),
  line: filled(markup, textKinds.line.max),
  paragraph: filled(`${markup}\n\t`, textKinds.paragraph.max),
};
/** Short texts with bidi and zero-width characters (warnings), combining marks and a formula's start. */
const tricky: Record<TextKind, string> = {
  name: "Xã \u202eĐông\u202c Xuyên\u200b Ho\u0302\u0300ng 🇻🇳",
  line: "=Tiêu chí <script>alert(1)</script> \u2067ĐƯỜNG\u2069 &amp; 𝕏",
  paragraph: "+Ghi chú\r\ndòng hai\u2028 \ufeffba ]]>",
};

const cases = { longest, tricky };

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "cchc-text-build-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** The files of a 2023 folder written under `<folder>/data`, then the whole build of them. */
async function fullBuild(
  folder: string,
  files: Record<string, string>,
): Promise<ReturnType<typeof buildOtherData>> {
  const data = join(folder, "data");
  await mkdir(join(data, "2023"), { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(data, "2023", file), text);
  return buildOtherData(data, folder);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.each(Object.entries(cases))("a full build with the %s accepted texts", (name, texts) => {
  // A band's code, a phone number and an e-mail address are codes to the invisible-character rule:
  // a format character there (a bidi mark, the joiner inside 👨‍👩‍👧) is refused, so they go without.
  const values = new Map(
    textFields.map((field) => {
      const code =
        field.file === "dataset.json" && ["code", "phone", "email"].includes(String(field.path.at(-1)));
      return [field, code ? texts[field.kind].replace(/\p{Cf}/gu, "") : texts[field.kind]];
    }),
  );
  const files = withValues(baseTexts(), values);
  let out: string;
  let run: ReturnType<typeof buildOtherData>;

  beforeAll(async () => {
    out = join(scratch, name, "site");
    run = await fullBuild(join(scratch, name), files);
  }, 600_000);

  it("validation accepts the texts (with warnings at most)", () => {
    const encoded = Object.fromEntries(
      Object.entries(files).map(([file, text]) => [file, new TextEncoder().encode(text)]),
    ) as Partial<Record<InputFileName, Uint8Array>>;
    const result = validateFiles(encoded, 2023, sha256);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("builds, without a stack trace", () => {
    expect(`${String(run.stdout)}${String(run.stderr)}`).not.toMatch(/\n\s+at \S+ \(/);
    expect(run.status).toBe(0);
  });

  it("writes only well-formed XML and SVG", () => {
    const xml = filesUnder(out).filter((file) => /\.(xml|svg)$/.test(file));
    expect(xml.some((file) => file.endsWith("feed.xml"))).toBe(true);
    expect(xml.filter((file) => file.includes("bieu-do")).length).toBeGreaterThan(5);
    for (const file of xml) parseXml(readFileSync(file, "utf8"), file);
  });

  it("keeps markup in texts as text on every page", () => {
    const pages = filesUnder(out).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const { document } = parseHTML(readFileSync(file, "utf8"));
      expect(document.getElementById("injected"), file).toBeNull();
      const scripts = [...document.querySelectorAll("script")].map((s) => s.textContent);
      expect(
        scripts.some((text) => text.includes("alert(1)") && !text.includes("\\u003c")),
        file,
      ).toBe(false);
    }
  });

  it("gives the commune its page, with its name", () => {
    const communeName = texts.name.normalize("NFC");
    const page = join(out, "xa", communeSlug(communeName), "index.html");
    const { document } = parseHTML(readFileSync(page, "utf8"));
    expect(document.querySelector("h1")?.textContent).toContain(communeName.replace(/\s+/g, " ").trim());
  });
});

describe("a full build with a text validation refuses", () => {
  // The crash: a vertical tab in a commune name passed with a warning, then Astro died on
  // the chart's PNG ("SVG data parsing failed … non-XML character") with a stack trace.
  it("stops at validation with the report, naming the character and the fix", async () => {
    const name = textFields.find((field) => field.file === "communes.csv")!;
    const files = withValues(baseTexts(), new Map([[name, "Xã An\u000bBình"]]));
    const run = await fullBuild(join(scratch, "refused"), files);
    const output = `${String(run.stdout)}${String(run.stderr)}`;
    expect(output).not.toMatch(/\n\s+at \S+ \(/);
    expect(run.status).toBe(1);
    expect(output).toMatch(/text_character .*U\+000B.*Cách sửa:/);
  }, 600_000);
});
