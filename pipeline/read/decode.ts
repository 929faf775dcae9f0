// Bytes → text. Only UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted (DATA.md §1):
// anything else is reported with a problem code instead of being guessed, because a wrong guess
// silently turns Vietnamese names into mojibake that would then be published.
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";

export type Decoded = { text: string; problem: null } | { text: null; problem: Problem };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder("utf-8");
// Excel's plain "CSV" on a Vietnamese Windows writes Windows-1258; showing the line as that code
// page decodes it lets the editor recognise their own text in the message.
const windows1258 = new TextDecoder("windows-1258");

/** Control characters other than tab, LF, CR: text files practically never contain them. */
function countControls(codes: ArrayLike<number>): { nul: boolean; controls: number } {
  let nul = false;
  let controls = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    if (c === 0) nul = true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) controls++;
  }
  return { nul, controls };
}

function looksBinary(codes: ArrayLike<number>): boolean {
  const { nul, controls } = countControls(codes);
  return nul || controls > Math.max(2, codes.length / 1000);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const lineBreak = /\r\n|\r|\n/;

function binaryProblem(file: string, bytes: Uint8Array): Problem {
  const zip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  return problem(
    "binary_file",
    { file, line: null, value: zip ? "PK…" : null },
    { detail: zip ? ", bắt đầu bằng PK: tệp nén/xlsx" : "" },
  );
}

function decodeUtf16(file: string, bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
    const codes: number[] = [];
    for (let i = 0; i < Math.min(text.length, 1 << 20); i++) codes.push(text.charCodeAt(i));
    if (looksBinary(codes)) return { text: null, problem: binaryProblem(file, bytes) };
    return { text, problem: null };
  } catch {
    return { text: null, problem: binaryProblem(file, bytes) };
  }
}

/** Decodes a CSV or JSON input file strictly; the BOM is removed. */
export function decodeText(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: null, problem: problem("empty_file", { file, line: null }) };
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(file, bytes, "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(file, bytes, "utf-16be");
  if (looksBinary(bytes)) return { text: null, problem: binaryProblem(file, bytes) };
  try {
    // TextDecoder drops a leading UTF-8 BOM itself (ignoreBOM: false).
    return { text: utf8.decode(bytes), problem: null };
  } catch {
    const line =
      utf8Lenient
        .decode(bytes)
        .split(lineBreak)
        .findIndex((l) => l.includes("\uFFFD")) + 1;
    const sample = (windows1258.decode(bytes).split(lineBreak)[line - 1] ?? "").normalize("NFC").slice(0, 80);
    return {
      text: null,
      problem: problem("encoding_not_utf8", { file, line, value: sample }, { line, sample }),
    };
  }
}
