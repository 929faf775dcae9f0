import { describe, expect, it } from "vitest";
import { issuerWords, unitKindsPhrase, unitKindsShort, unitsPhrase } from "./issuer.ts";

const haiDuong = { code: "30", name: "Tỉnh Hải Dương" };
const ninhGiang = { code: "299", name: "Huyện Ninh Giang" };
const hungYen = { code: "33", name: "Tỉnh Hưng Yên" };

describe("the issuer's words", () => {
  it("of a district: its UBND, its Phòng Nội vụ, the district's average", () => {
    expect(issuerWords({ province: haiDuong, district: ninhGiang })).toEqual({
      level: "district",
      areaName: "Ninh Giang",
      areaKind: "huyện",
      area: "huyện Ninh Giang",
      areaInProvince: "huyện Ninh Giang, tỉnh Hải Dương",
      body: "UBND huyện Ninh Giang",
      bodyInProvince: "UBND huyện Ninh Giang, tỉnh Hải Dương",
      bodyInFull: "Ủy ban nhân dân huyện Ninh Giang",
      office: "Phòng Nội vụ huyện Ninh Giang",
      officeShort: "Phòng Nội vụ",
      averageLabel: "trung bình huyện",
    });
  });

  it("of a province with no district: its UBND, its Sở Nội vụ, the province's average", () => {
    const words = issuerWords({ province: hungYen });
    expect([
      words.level,
      words.area,
      words.areaInProvince,
      words.body,
      words.office,
      words.officeShort,
    ]).toEqual([
      "province",
      "tỉnh Hưng Yên",
      "tỉnh Hưng Yên",
      "UBND tỉnh Hưng Yên",
      "Sở Nội vụ tỉnh Hưng Yên",
      "Sở Nội vụ",
    ]);
    expect(words.averageLabel).toBe("trung bình tỉnh");
    expect(words.bodyInProvince).toBe("UBND tỉnh Hưng Yên");
  });

  it("takes the body and office as dataset.json names them, and a city's kind from its name", () => {
    const words = issuerWords({
      province: { code: "01", name: "Thành phố Hà Nội" },
      issuer: { body: "UBND thành phố Hà Nội", office: "Sở Nội vụ thành phố Hà Nội" },
    });
    expect([words.areaName, words.area, words.bodyInFull, words.office, words.averageLabel]).toEqual([
      "Hà Nội",
      "thành phố Hà Nội",
      "Ủy ban nhân dân thành phố Hà Nội",
      "Sở Nội vụ thành phố Hà Nội",
      "trung bình thành phố",
    ]);
  });

  it("names the contact's office when there is no issuer's", () => {
    const contact = { office: "Văn phòng HĐND và UBND huyện Ninh Giang" };
    expect(issuerWords({ province: haiDuong, district: ninhGiang, contact }).office).toBe(contact.office);
  });
});

describe("the units phrase", () => {
  it("lists the kinds present in the order a sentence lists them", () => {
    expect(unitKindsPhrase(["thi_tran", "xa", "xa"])).toBe("xã, thị trấn");
    expect(unitKindsPhrase(["dac_khu", "phuong", "xa"])).toBe("xã, phường, đặc khu");
    expect(unitKindsPhrase(["xa"])).toBe("xã");
  });

  it("names the common kinds in a short label, the few thị trấn and đặc khu counted among them", () => {
    expect(unitKindsShort(["thi_tran", "xa", "xa"])).toBe("xã");
    expect(unitKindsShort(["dac_khu", "phuong", "xa"])).toBe("xã, phường");
    expect(unitKindsShort(["phuong", "dac_khu"])).toBe("phường");
    expect(unitKindsShort(["dac_khu"])).toBe("đặc khu");
  });

  it("counts the units in Vietnamese digits", () => {
    const units = [
      ...Array.from({ length: 1100 }, () => ({ type: "xa" as const })),
      ...Array.from({ length: 148 }, () => ({ type: "phuong" as const })),
    ];
    expect(unitsPhrase(units)).toBe("1.248 xã, phường");
    expect(unitsPhrase([{ commune_type: "thi_tran" }, { commune_type: "xa" }])).toBe("2 xã, thị trấn");
  });
});
