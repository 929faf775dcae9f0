import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { YearData } from "../model.ts";
import type { LoadedYear } from "./index.ts";
import { namedBySheet } from "./file-set.ts";
import { unknownPredecessors, withPredecessorCheck } from "./predecessors.ts";

const merged = { code: "30001", name: "Xã Hợp Nhất", predecessors: ["11161", "11164", "11199"] };
const kept = { code: "11167", name: "Xã Giữ Nguyên", predecessors: [] };

describe("predecessor codes against the year before", () => {
  it("names each code the previous year does not hold, with the unit that names it, in both languages", () => {
    const found = unknownPredecessors([merged, kept], {
      year: 2024,
      codes: new Set(["11161", "11164", "11167"]),
    });
    expect(found.map((p) => [p.code, p.severity, p.file, p.column, p.value])).toEqual([
      ["predecessor_unknown", "warning", "communes.csv", "predecessors", "11199"],
    ]);
    expect(found[0]?.message_vi).toMatch(
      /^Đơn vị 30001 \(Xã Hợp Nhất\) được ghi là hình thành từ đơn vị cũ mã 11199 \(cột "predecessors" của communes\.csv\), nhưng dữ liệu năm 2024 không có đơn vị nào mang mã này;/u,
    );
    expect(found[0]?.message_en).toMatch(
      /^Unit 30001 \(Xã Hợp Nhất\) names former unit 11199 in the "predecessors" column of/u,
    );
  });

  it("speaks of the sheet and its header when the year came as a workbook", () => {
    const problems = unknownPredecessors([merged], { year: 2024, codes: new Set(["11161", "11164"]) });
    const sheets = {
      "communes.csv": { sheet: "Danh sách xã", columns: { predecessors: "Mã các đơn vị cũ" } },
    };
    const [said] = namedBySheet({ problems, sheets });
    expect([said?.file, said?.column]).toEqual(["Danh sách xã", "Mã các đơn vị cũ"]);
    expect(said?.message_vi).toContain('(cột "Mã các đơn vị cũ" của');
    expect(said?.message_vi).not.toContain("communes.csv");
  });

  describe("beside the year folders", () => {
    let root: string;
    const year = (y: number, communes: YearData["communes"] | null, folder = join(root, String(y))) =>
      ({
        folder,
        data: communes === null ? null : ({ manifest: { year: y }, communes } as unknown as YearData),
        problems: [],
        omitted: [],
        inputs: [],
      }) satisfies LoadedYear;
    const asCommunes = (units: object[]) => units as YearData["communes"];

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), "cchc-predecessors-"));
      await mkdir(join(root, "2024"));
      await mkdir(join(root, "2025"));
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it("warns when the previous year's folder lacks a code, reading that folder only", async () => {
      const read: string[] = [];
      const loaded = await withPredecessorCheck(year(2025, asCommunes([merged, kept])), async (folder) => {
        read.push(folder);
        return year(2024, asCommunes([{ code: "11161" }, { code: "11164" }]));
      });
      expect(read).toEqual([join(root, "2024")]);
      expect(loaded.problems.map((p) => p.value)).toEqual(["11199"]);
    });

    it("says nothing without a previous year, with an invalid one, or when no unit names predecessors", async () => {
      const fail = () => Promise.reject(new Error("not read"));
      const first = await withPredecessorCheck(year(2024, asCommunes([merged])), fail);
      expect(first.problems).toEqual([]);
      const invalid = await withPredecessorCheck(year(2025, asCommunes([merged])), async () =>
        year(2024, null),
      );
      expect(invalid.problems).toEqual([]);
      const none = await withPredecessorCheck(year(2025, asCommunes([kept])), fail);
      expect(none.problems).toEqual([]);
    });
  });
});
