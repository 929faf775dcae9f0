// A tiny, hand-made year folder (3 communes, 4 leaves, both panels) for the benchmark's tests:
// small enough that every figure of docs/methodology.md can be worked out by hand in the test.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testManifest } from "./test-manifest.ts";

const files: Record<string, string> = {
  "dataset.json": JSON.stringify(
    testManifest({ title: "Bộ dữ liệu nhỏ để kiểm thử", bootstrap_seed: 8, bootstrap_replicates: 1000 }),
  ),
  // the thị trấn (00001) has no xa-only leaf 2.1, so its maximum is 90, the xã's 100
  "communes.csv": `code,name,type,survey_quota
00001,Thị trấn Một,thi_tran,2
00002,Xã Hai,xa,3
00003,Xã Ba,xa,2
`,
  "criteria.csv": `id,name,max_points,source,applies_to
1,Lĩnh vực một,60,,
1.1,Tiêu chí thẩm định,35,appraisal,all
1.2,Tiêu chí cán bộ đánh giá,25,survey,all
2,Lĩnh vực hai,40,,
2.1,Tiêu chí riêng của xã,10,appraisal,xa
2.2,Tiêu chí người dân đánh giá,30,survey,all
`,
  "groups.csv": `code,name,panel,planned
ubnd,Lãnh đạo UBND huyện,officials,3
nguoi_dan,Người dân,citizens,7
`,
  "scales.csv": `scale,option,label,coefficient,satisfied
muc_do,A,Tốt,1,
muc_do,B,Khá,0.6,
muc_do,C,Trung bình,0.2,
muc_do,D,Kém,0,
muc_do,E,Không đánh giá được,,
hai_long,1,Rất không hài lòng,0,false
hai_long,2,Không hài lòng,0.25,false
hai_long,3,Bình thường,0.5,false
hai_long,4,Hài lòng,0.75,true
hai_long,5,Rất hài lòng,1,true
`,
  // ND02 scores nothing (empty criterion_id)
  "questions.csv": `id,panel,criterion_id,scale,text,sipas_element
CB01,officials,1.2,muc_do,Mức độ chỉ đạo,
CB02,officials,1.2,muc_do,Mức độ kiểm tra,
ND01,citizens,2.2,hai_long,Hài lòng với kết quả giải quyết,4
ND02,citizens,,hai_long,Hài lòng chung,
`,
  "appraisal.csv": `commune_code,criterion_id,self_score,appraised_score,note
00001,1.1,32,30.5,Chưa ban hành kế hoạch kiểm tra
00002,1.1,24.25,24.25,
00002,2.1,9,8,Báo cáo chậm
00003,1.1,18.17,18.17,
00003,2.1,7,7,
`,
  "survey-officials.csv": `form_id,respondent_id,group,commune_code,CB01,CB02
F01,CB-1,ubnd,00001,A,B
F02,CB-2,ubnd,00001,B,E
F03,CB-3,ubnd,00001,C,
F04,CB-1,ubnd,00002,A,D
F05,CB-2,ubnd,00002,A,B
F06,CB-1,ubnd,00003,A,B
F07,CB-2,ubnd,00003,A,B
F08,CB-3,ubnd,00003,B,E
`,
  "survey-citizens.csv": `form_id,commune_code,ND01,ND02
N01,00001,4,1
N02,00001,5,1
N03,00002,3,5
N04,00002,5,
N05,00002,2,1
N06,00003,4,5
N07,00003,4,5
`,
};

/** Writes the tiny year into a fresh temporary folder and returns its path. */
export async function writeTinyYear(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "bench-tiny-year-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  return folder;
}
