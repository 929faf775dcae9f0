import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { atomFeed } from "./feed.ts";
import type { FeedInput } from "./feed.ts";

const district = { code: "299", name: "Huyện Ninh Giang" };
const province = { code: "30", name: "Tỉnh Hải Dương" };
const manifests: FeedInput["manifests"] = [
  {
    year: 2022,
    status: "official",
    version: "1.0.0",
    province,
    district,
    build_time: "2024-02-02T08:30:00.000Z",
    releases: [{ version: "1.0.0", date: "2023-01-15", kind: "release", reason: "Công bố kết quả năm 2022" }],
  },
  {
    year: 2023,
    status: "sample",
    version: "1.0.1",
    province,
    district,
    build_time: "2024-02-02T08:30:00.000Z",
    releases: [
      { version: "1.0.0", date: "2024-01-20", kind: "release", reason: "Công bố lần đầu." },
      {
        version: "1.0.1",
        date: "2024-02-02",
        kind: "correction",
        reason: "Sửa điểm thẩm định tiêu chí 2.1 & 2.2 <bảng>",
        communes: ["11161", "11215"],
      },
    ],
  },
];
const communeNames = new Map([
  ["11161", "Xã Ứng Hòe"],
  ["11215", "Xã Hồng Dụ"],
]);

function parse(xml: string) {
  // linkedom's XML parser, as a feed reader would read the document.
  return new DOMParser().parseFromString(xml, "text/xml");
}

// 2022's tables were never frozen: its entry links no archive.
const archived = (year: number) => year === 2023;
const relative = atomFeed({ manifests, communeNames, archived, link: (path) => `/chi-so-cchc${path}` });
const absolute = atomFeed({
  manifests,
  communeNames,
  archived,
  link: (path) => new URL(`/chi-so-cchc${path}`, "https://example.github.io").href,
});

describe("Atom feed of releases", () => {
  it("lists every release of every year, newest first", () => {
    const doc = parse(relative);
    const titles = [...doc.querySelectorAll("entry > title")].map((node) => node.textContent);
    expect(titles).toEqual([
      "[Dữ liệu minh họa] Đính chính dữ liệu năm 2023, phiên bản 1.0.1",
      "[Dữ liệu minh họa] Phát hành dữ liệu năm 2023, phiên bản 1.0.0",
      "Phát hành dữ liệu năm 2022, phiên bản 1.0.0",
    ]);
    const updated = [...doc.querySelectorAll("entry > updated")].map((node) => node.textContent);
    expect(updated).toEqual([
      "2024-02-02T00:00:00+07:00",
      "2024-01-20T00:00:00+07:00",
      "2023-01-15T00:00:00+07:00",
    ]);
    // The feed is as new as its newest release.
    expect(doc.querySelector("feed > updated")?.textContent).toBe("2024-02-02T00:00:00+07:00");
  });

  it("gives each entry a stable tag: id that does not depend on the site's address", () => {
    const ids = [...parse(relative).querySelectorAll("entry > id")].map((node) => node.textContent);
    expect(ids).toEqual([
      "tag:ninhgiang.haiduong.gov.vn,2024-02-02:chi-so-cchc/2023/v1.0.1",
      "tag:ninhgiang.haiduong.gov.vn,2024-01-20:chi-so-cchc/2023/v1.0.0",
      "tag:ninhgiang.haiduong.gov.vn,2023-01-15:chi-so-cchc/2022/v1.0.0",
    ]);
    const absoluteIds = [...parse(absolute).querySelectorAll("entry > id")].map((node) => node.textContent);
    expect(absoluteIds).toEqual(ids);
  });

  it("says what a correction changed and which units, with the text escaped", () => {
    const [correction] = parse(relative).querySelectorAll("entry");
    expect(correction?.querySelector("content")?.textContent).toBe(
      "Đính chính ngày 02/02/2024: Sửa điểm thẩm định tiêu chí 2.1 & 2.2 <bảng>. Đơn vị liên quan: Xã Ứng Hòe, Xã Hồng Dụ.",
    );
    expect(relative).toContain("2.1 &amp; 2.2 &lt;bảng&gt;");
    expect(correction?.querySelector("category")?.getAttribute("term")).toBe("correction");
  });

  it("links each entry to its place in the history and to its archived table", () => {
    const [, first] = parse(relative).querySelectorAll("entry");
    const links = [...(first?.querySelectorAll("link") ?? [])].map((link) => link.getAttribute("href"));
    expect(links).toEqual([
      "/chi-so-cchc/du-lieu/#phien-ban-2023-1.0.0",
      "/chi-so-cchc/data/2023/v1.0.0/results.csv",
    ]);
    const [, , old] = parse(relative).querySelectorAll("entry");
    expect([...(old?.querySelectorAll("link") ?? [])].map((link) => link.getAttribute("rel"))).toEqual([
      "alternate",
    ]);
    const self = parse(absolute).querySelector('feed > link[rel="self"]')?.getAttribute("href");
    expect(self).toBe("https://example.github.io/chi-so-cchc/feed.xml");
  });

  it("has what Atom requires of a feed: id, title, updated, author", () => {
    const doc = parse(relative);
    const feed = doc.querySelector("feed");
    expect(feed?.getAttribute("xmlns")).toBe("http://www.w3.org/2005/Atom");
    expect(doc.querySelector("feed > id")?.textContent).toMatch(/^tag:/);
    expect(doc.querySelector("feed > title")?.textContent).toBe(
      "Chỉ số CCHC cấp xã huyện Ninh Giang: phát hành và đính chính dữ liệu",
    );
    expect(doc.querySelector("feed > author > name")?.textContent).toBe("Ủy ban nhân dân huyện Ninh Giang");
    // Every & and < of the text is escaped: no bare ampersand outside an entity.
    expect(relative).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });

  it("uses the newest build time while nothing has been released", () => {
    const xml = atomFeed({
      manifests: [{ ...manifests[0]!, releases: [] }],
      communeNames,
      archived,
      link: (path) => path,
    });
    expect(parse(xml).querySelector("feed > updated")?.textContent).toBe("2024-02-02T08:30:00.000Z");
    expect(parse(xml).querySelectorAll("entry")).toHaveLength(0);
  });
});
