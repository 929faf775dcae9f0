// The readable text of every published file in a folder, decoded the way a reader would see it:
// CSV and JSON as UTF-8, the XLSX and DOCX unzipped, Parquet read back row by row (its pages are compressed,
// so a plain byte search could miss a value). Privacy tests search this for planted canaries.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parquetMetadata, parquetReadObjects } from "hyparquet";

async function fileText(path: string): Promise<string> {
  const bytes = await readFile(path);
  if (/\.(xlsx|docx)$/.test(path))
    return Object.values(unzipSync(bytes))
      .map((entry) => strFromU8(entry))
      .join("\n");
  if (path.endsWith(".parquet")) {
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const names = parquetMetadata(file).schema.map((element) => element.name);
    const rows = await parquetReadObjects({ file });
    return `${names.join(",")}\n${JSON.stringify(rows)}\n${bytes.toString("latin1")}`;
  }
  return bytes.toString("utf8");
}

/** Every file under `folder` (recursively), by path relative to it, with its decoded text. */
export async function publishedText(folder: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    texts.set(relative(folder, path), await fileText(path));
  }
  return texts;
}
