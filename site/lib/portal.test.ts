import { describe, expect, it } from "vitest";
import {
  chartSource,
  contactLine,
  cssString,
  downloadName,
  printFooter,
  releaseDate,
  sampleNotice,
  versionPhrase,
} from "./portal.ts";

const manifest = {
  year: 2023,
  version: "1.0.1",
  status: "sample" as const,
  province: { code: "30", name: "Tỉnh Hải Dương" },
  district: { code: "299", name: "Huyện Ninh Giang" },
  releases: [
    { version: "1.0.0", date: "2024-03-15", kind: "release" as const, reason: "Công bố" },
    { version: "1.0.1", date: "2024-04-02", kind: "correction" as const, reason: "Sửa điểm" },
  ],
};

describe("what the portal says about its figures", () => {
  it("dates the figures by the release of the current version", () => {
    expect(releaseDate(manifest)).toBe("2024-04-02");
    expect(versionPhrase(manifest)).toBe("phiên bản 1.0.1, công bố ngày 02/04/2024");
    expect(versionPhrase({ ...manifest, releases: [] })).toBe("phiên bản 1.0.1");
  });

  it("names the issuer in the chart source, lower case inside the sentence", () => {
    expect(chartSource(manifest)).toBe(
      "Nguồn: UBND huyện Ninh Giang (Phòng Nội vụ), Chỉ số CCHC năm 2023; dữ liệu phiên bản 1.0.1, công bố ngày 02/04/2024.",
    );
  });

  it("marks sample downloads in their saved names and notices, and leaves official ones alone", () => {
    expect(downloadName("results.csv", manifest)).toBe("results-minh-hoa.csv");
    expect(downloadName("chi-so-cchc-2023.xlsx", manifest)).toBe("chi-so-cchc-2023-minh-hoa.xlsx");
    expect(downloadName("DOC-TRUOC-minh-hoa.txt", manifest)).toBe("DOC-TRUOC-minh-hoa.txt");
    expect(downloadName("results.csv", { status: "official" })).toBe("results.csv");
    expect(sampleNotice(manifest)).toBe("Dữ liệu minh họa – không phải kết quả chính thức");
    expect(sampleNotice({ status: "official" })).toBeNull();
  });
});

describe("the foot of every printed page", () => {
  const district = { code: "288", name: "Huyện Ninh Giang" };
  const province = { code: "30", name: "Tỉnh Hải Dương" };
  it("names the issuer, the office with its address, phone and e-mail, and the site's address", () => {
    expect(
      printFooter(
        {
          province,
          district,
          contact: {
            office: "Phòng Nội vụ huyện Ninh Giang",
            address: "thị trấn Ninh Giang",
            phone: "0220 3767 123",
            email: "noivu@example.org",
          },
        },
        "https://example.org/chi-so-cchc/",
      ),
    ).toBe(
      "UBND huyện Ninh Giang · Liên hệ: Phòng Nội vụ huyện Ninh Giang, thị trấn Ninh Giang, điện thoại 0220 3767 123, thư điện tử noivu@example.org · https://example.org/chi-so-cchc/",
    );
  });

  it("without contact data names the district's Home Affairs office", () => {
    expect(contactLine({ province, district })).toBe("Phòng Nội vụ huyện Ninh Giang");
  });

  it("is written into CSS as a string that no quote or backslash from the data can end", () => {
    expect(cssString('Phòng "A" \\ B\nC')).toBe('"Phòng \\"A\\" \\\\ B C"');
  });
});
