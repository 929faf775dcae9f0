// Bytes → text. Only UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted (docs/data-contract.md#input-files):
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
const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/**
 * A NUL, or more control characters than a text file of `length` code units would hold. Works on
 * bytes and on text alike: in UTF-8 every byte below 0x20 is that character, so decoded text holds
 * exactly the control characters its bytes do. Scanning text with a regular expression is several
 * times faster than a loop over a survey file's 30 MB.
 */
function looksBinary(text: string, length: number): boolean {
  if (text.includes("\u0000")) return true;
  const limit = Math.max(2, length / 1000);
  let controls = 0;
  control.lastIndex = 0;
  while (control.exec(text) !== null) if (++controls > limit) return true;
  return false;
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
    const prefix = text.slice(0, 1 << 20);
    if (looksBinary(prefix, prefix.length)) return { text: null, problem: binaryProblem(file, bytes) };
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
  let text: string;
  try {
    // TextDecoder drops a leading UTF-8 BOM itself (ignoreBOM: false).
    text = utf8.decode(bytes);
  } catch {
    // A single-byte code page keeps every byte below 0x20 as that character.
    if (looksBinary(windows1258.decode(bytes), bytes.length))
      return { text: null, problem: binaryProblem(file, bytes) };
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
  if (looksBinary(text, bytes.length)) return { text: null, problem: binaryProblem(file, bytes) };
  return { text, problem: null };
}
