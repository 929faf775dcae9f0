// What a file an editor picked as the year's workbook really is, from its first bytes rather than its
// name: an .xlsx (a zip) is read; any other gets one problem saying what it is and how to save it as
// .xlsx (an old .xls, an .ods, a password-protected workbook, a PDF, a CSV renamed .xlsx).
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";

/** Spreadsheet names: a year folder's workbook, whatever its content turns out to be. */
export const isSpreadsheetName = (name: string) => /\.(xlsx|xlsm|xls|ods)$/i.test(name);

/** Names an editor may pick (or name in `--data`) as the year's workbook: a spreadsheet or a PDF. */
export const isWorkbookName = (name: string) => isSpreadsheetName(name) || /\.pdf$/i.test(name);

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
/** The UTF-16 name of the stream an encrypted Office file keeps its package in (MS-OFFCRYPTO). */
const encryptedPackage = [...ascii("EncryptedPackage")].flatMap((code) => [code, 0]);

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0] as number;
  for (
    let i = bytes.indexOf(first);
    i >= 0 && i + needle.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  )
    if (startsWith(bytes, needle, i)) return true;
  return false;
}

/** Text has no control bytes but tab, CR, LF (and NUL in UTF-16, which starts with its BOM). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  return head.length > 0 && head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

/**
 * Null when the bytes are a zip (an .xlsx, read next: a zip that is no workbook is reported then),
 * else the problem that says what the file is.
 */
export function notXlsx(file: string, bytes: Uint8Array): Problem | null {
  const at = { file, line: null };
  if (startsWith(bytes, ascii("PK\x03\x04"))) {
    // An OpenDocument file starts with its uncompressed "mimetype" entry (ODF 1.2 part 3, §3.3).
    const head = new TextDecoder("latin1").decode(bytes.subarray(30, 120));
    return head.startsWith("mimetypeapplication/vnd.oasis.opendocument") ? problem("not_xlsx_ods", at) : null;
  }
  // An OLE2 compound file: Excel 97–2003, or an encrypted Office 2007+ workbook.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return contains(bytes, encryptedPackage)
      ? problem("not_xlsx_encrypted", at)
      : problem("not_xlsx_xls", at);
  if (startsWith(bytes, ascii("%PDF-"))) return problem("not_xlsx_pdf", at);
  if (looksLikeText(bytes)) return problem("not_xlsx_text", at);
  return null;
}
