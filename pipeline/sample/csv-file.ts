// Writing the sample's CSV files as the contract wants them (UTF-8 without BOM, `,`, LF, quoting by
// PapaParse) in chunks, so that a national-scale file never has to sit in memory whole.
import { open } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import Papa from "papaparse";

function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.length === 0 ? "" : Papa.unparse(rows as string[][], { newline: "\n" }) + "\n";
}

export class CsvFile {
  #handle: FileHandle;
  #rows = 0;

  private constructor(handle: FileHandle) {
    this.#handle = handle;
  }

  /** Creates (or truncates) the file and writes the header. */
  static async create(path: string, header: readonly string[]): Promise<CsvFile> {
    const file = new CsvFile(await open(path, "w"));
    await file.#handle.write(csvLines([header]));
    return file;
  }

  async append(rows: readonly (readonly string[])[]): Promise<void> {
    await this.#handle.write(csvLines(rows));
    this.#rows += rows.length;
  }

  /** Closes the file; returns the number of data rows written. */
  async close(): Promise<number> {
    await this.#handle.close();
    return this.#rows;
  }
}

/** A small file in one go. */
export async function writeCsv(
  path: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<number> {
  const file = await CsvFile.create(path, header);
  await file.append(rows);
  return file.close();
}
