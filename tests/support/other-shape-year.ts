// A generated pair of years whose shape differs from the committed Ninh Giang data, for the
// independent checks: another criteria tree (4 domains, leaves from level 2 to level 4, maxima with
// decimals, a leaf and a whole subtree for one unit type only), both unit types, other scales and
// bands, SIPAS elements with two questions and one with none, a question that scores nothing, and a
// previous year that lacks one unit. Answers come from a seeded stream, so the files are the same on
// every run.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomInt, seededRandom, type Random } from "../../pipeline/random.ts";
import { testManifest } from "./test-manifest.ts";

const communes = [
  ["20001", "Phường Một", "thi_tran"],
  ["20002", "Xã Hai", "xa"],
  ["20003", "Xã Ba", "xa"],
  ["20004", "Thị trấn Bốn", "thi_tran"],
  ["20005", "Xã Năm", "xa"],
  ["20006", "Xã Sáu", "xa"],
  ["20007", "Xã Bảy", "xa"],
] as const;
/** The units' groups, in the order above: the last unit has none (in no group's average). */
const unitGroups = ["Nhóm Bắc", "Nhóm Nam", "Nhóm Bắc", "Nhóm Nam", "Nhóm Bắc", "Nhóm Nam"];

// id, name, max_points, source, applies_to
const criteria: [string, string, string, string, string][] = [
  ["1", "Thể chế và tổ chức thực hiện", "30", "", "all"],
  ["1.1", "Ban hành văn bản", "7.5", "appraisal", "all"],
  ["1.2", "Kiểm tra, rà soát", "12.5", "", "all"],
  ["1.2.1", "Tự kiểm tra văn bản", "5", "appraisal", "all"],
  ["1.2.2", "Rà soát, hệ thống hóa", "7.5", "", "all"],
  ["1.2.2.1", "Rà soát định kỳ", "2.5", "appraisal", "xa"],
  ["1.2.2.2", "Cán bộ đánh giá việc rà soát", "5", "survey", "all"],
  ["1.3", "Cán bộ đánh giá chất lượng thể chế", "10", "survey", "all"],
  ["2", "Thủ tục hành chính", "25", "", "all"],
  ["2.1", "Một cửa liên thông ở đô thị", "10", "appraisal", "thi_tran"],
  ["2.2", "Công khai thủ tục", "6.25", "appraisal", "all"],
  ["2.3", "Người dân đánh giá thủ tục", "8.75", "survey", "all"],
  ["3", "Nông thôn mới", "15", "", "xa"],
  ["3.1", "Tiêu chí hành chính công", "9", "appraisal", "xa"],
  ["3.2", "Người dân đánh giá dịch vụ", "6", "survey", "xa"],
  ["4", "Tác động đến người dân", "30", "", "all"],
  ["4.1", "Mức độ hài lòng", "20", "survey", "all"],
  ["4.2", "Giải quyết phản ánh", "10", "appraisal", "all"],
];

const scales = `scale,option,label,coefficient,satisfied
muc_do,A,Rất tốt,1,
muc_do,B,Tốt,0.75,
muc_do,C,Đạt,0.4,
muc_do,D,Chưa đạt,0,
muc_do,X,Không đánh giá được,,
hai_long,1,Rất không hài lòng,0,false
hai_long,2,Không hài lòng,0.3,false
hai_long,3,Bình thường,0.6,false
hai_long,4,Hài lòng,0.85,true
hai_long,5,Rất hài lòng,1,true
hai_long,K,Không biết,,false
co_khong,C,Có,1,
co_khong,K,Không,0,
`;

// id, panel, criterion_id, scale, text, sipas_element
const questions: [string, string, string, string, string, string][] = [
  ["CB01", "officials", "1.2.2.2", "muc_do", "Việc rà soát văn bản có kịp thời", ""],
  ["CB02", "officials", "1.3", "muc_do", "Chất lượng văn bản của xã", ""],
  ["CB03", "officials", "1.3", "muc_do", "Tính khả thi của văn bản", ""],
  ["CB04", "officials", "1.3", "muc_do", "Sự tham gia của người dân", ""],
  ["ND01", "citizens", "2.3", "hai_long", "Thủ tục được niêm yết đầy đủ", "2"],
  ["ND02", "citizens", "2.3", "hai_long", "Thành phần hồ sơ hợp lý", "2"],
  ["ND03", "citizens", "3.2", "hai_long", "Cơ sở vật chất nơi tiếp dân", "1"],
  ["ND04", "citizens", "4.1", "hai_long", "Thái độ của công chức", "3"],
  ["ND05", "citizens", "4.1", "hai_long", "Tiếp nhận góp ý", "5"],
  ["ND06", "citizens", "", "co_khong", "Đã từng góp ý", ""],
];

const groups = `code,name,panel,planned
lanh_dao,Lãnh đạo,officials,2
dai_bieu,Đại biểu,officials,5
nguoi_dan,Người dân,citizens,70
`;

const csvLine = (cells: readonly string[]) =>
  cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(",");

/** A coded answer: mostly an option of the scale by the given weights, sometimes blank. */
function answer(random: Random, options: readonly string[], weights: readonly number[]): string {
  if (random() < 0.06) return "";
  let pick = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < options.length; i++) {
    pick -= weights[i]!;
    if (pick < 0) return options[i]!;
  }
  return options[options.length - 1]!;
}

const optionsOf: Record<string, { options: string[]; weights: number[] }> = {
  muc_do: { options: ["A", "B", "C", "D", "X"], weights: [5, 4, 2, 1, 1] },
  hai_long: { options: ["1", "2", "3", "4", "5", "K"], weights: [1, 1, 3, 6, 4, 1] },
  co_khong: { options: ["C", "K"], weights: [1, 2] },
};

function yearFiles(year: number, seed: number, unitCount: number): Record<string, string> {
  const random = seededRandom(seed);
  const units = communes.slice(0, unitCount);
  const applies = (appliesTo: string, type: string) => appliesTo === "all" || appliesTo === type;
  const appraisal = ["commune_code,criterion_id,self_score,appraised_score,note"];
  for (const [code, , type] of units) {
    for (const [id, , max, source, appliesTo] of criteria) {
      const domain = criteria.find(([d]) => d === id.split(".")[0])!;
      if (source !== "appraisal" || !applies(appliesTo, type) || !applies(domain[4], type)) continue;
      // Scores in quarter points; the appraisal lowers about a third of the self-scores.
      const quarters = Math.round(Number(max) * 4);
      const appraised = randomInt(random, quarters + 1) / 4;
      const self =
        random() < 0.35 ? Math.min(Number(max), appraised + (1 + randomInt(random, 4)) / 4) : appraised;
      appraisal.push(
        csvLine([code, id, String(self), String(appraised), self > appraised ? "Hồ sơ, chưa đầy đủ" : ""]),
      );
    }
  }
  const officialIds = questions.filter((q) => q[1] === "officials").map((q) => q[0]);
  const citizenIds = questions.filter((q) => q[1] === "citizens").map((q) => q[0]);
  const officials = [csvLine(["form_id", "respondent_id", "group", "commune_code", ...officialIds])];
  const respondents = [
    ...["L1", "L2"].map((id) => [id, "lanh_dao"]),
    ...["D1", "D2", "D3", "D4"].map((id) => [id, "dai_bieu"]),
  ];
  let form = 0;
  for (const [code] of units) {
    for (const [respondent, group] of respondents) {
      if (random() < 0.25) continue;
      form++;
      const cells = officialIds.map(() =>
        answer(random, optionsOf.muc_do!.options, optionsOf.muc_do!.weights),
      );
      officials.push(csvLine([`CB-${year}-${form}`, respondent!, group!, code, ...cells]));
    }
  }
  const citizens = [csvLine(["form_id", "commune_code", ...citizenIds])];
  for (const [code] of units) {
    const forms = 6 + randomInt(random, 7);
    for (let f = 0; f < forms; f++) {
      form++;
      const cells = questions
        .filter((q) => q[1] === "citizens")
        .map((q) => answer(random, optionsOf[q[3]]!.options, optionsOf[q[3]]!.weights));
      citizens.push(csvLine([`ND-${year}-${form}`, code, ...cells]));
    }
  }
  return {
    "dataset.json": JSON.stringify(
      testManifest({
        year,
        title: `Chỉ số cải cách hành chính của các đơn vị năm ${year} (bộ dữ liệu kiểm thử)`,
        bands: [
          { code: "XS", label: "Xuất sắc", min_pct: 85 },
          { code: "T", label: "Tốt", min_pct: 70 },
          { code: "K", label: "Khá", min_pct: 55.5 },
          { code: "TB", label: "Trung bình", min_pct: 0 },
        ],
        bootstrap_seed: seed,
        bootstrap_replicates: 1000,
        notes: "Dữ liệu sinh ra để kiểm thử.",
      }),
    ),
    "communes.csv":
      [
        "code,name,type,survey_quota,group",
        ...units.map((u, i) => csvLine([...u, "10", unitGroups[i] ?? ""])),
      ].join("\n") + "\n",
    "criteria.csv": ["id,name,max_points,source,applies_to", ...criteria.map(csvLine)].join("\n") + "\n",
    "groups.csv": groups,
    "scales.csv": scales,
    "questions.csv":
      ["id,panel,criterion_id,scale,text,sipas_element", ...questions.map(csvLine)].join("\n") + "\n",
    "appraisal.csv": appraisal.join("\n") + "\n",
    "survey-officials.csv": officials.join("\n") + "\n",
    "survey-citizens.csv": citizens.join("\n") + "\n",
  };
}

/**
 * Writes the two years into a fresh temporary data root (`<root>/2024`, `<root>/2025`; 2024 lacks the
 * last unit) and returns the root.
 */
export async function writeOtherShapeYears(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "other-shape-"));
  for (const [year, seed, units] of [
    [2024, 41, communes.length - 1],
    [2025, 52, communes.length],
  ] as const) {
    const folder = join(root, String(year));
    await mkdir(folder);
    for (const [name, text] of Object.entries(yearFiles(year, seed, units)))
      await writeFile(join(folder, name), text);
  }
  return root;
}
