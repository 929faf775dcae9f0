// Numbers as Vietnamese words, for presenters who read published figures aloud (the radio bulletin).
// Northern usage by default (Hải Dương is in the North): "nghìn", not "ngàn"; "linh" for a zero
// tens digit (105 → một trăm linh năm), with "lẻ" as an option for Southern listeners.
//
// Rules (as Vietnamese primary school teaches reading numbers):
// - 1 after "mươi" is "mốt" (21 hai mươi mốt) but stays "một" after "mười" and "linh" (11, 101);
// - 4 after "mươi" is "tư" (24 hai mươi tư) but "bốn" after "mười" and "linh" (14, 104);
// - 5 after "mười"/"mươi" is "lăm" (15, 25) but "năm" after "linh" (105);
// - 10 is "mười", the tens 20–90 are "… mươi";
// - a three-digit group after a larger non-zero group is read in full: 1.005 → một nghìn
//   không trăm linh năm; an all-zero group is skipped: 1.000.005 → một triệu không trăm linh năm;
// - groups of three digits: nghìn, triệu, tỷ; above a tỷ the count of tỷ is itself read
//   (1.000.000.000.000 → một nghìn tỷ).
//
// Decimals follow the way radio reads percentages: the digits after the comma are read as one
// number, a leading zero as "không": 85,67 → "phẩy sáu mươi bảy", 90,05 → "phẩy không năm".
// Trailing zeros are not read, as speech drops them: 85,60% is said "phẩy sáu" (not "phẩy sáu
// mươi", which a listener hears as 85,60 written out, an unnatural reading), and a fractional part
// that is all zeros is not read at all: 90,00% is "chín mươi phần trăm". More than two decimals
// are read digit by digit.

const digitWords = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;

/** The word for a zero tens digit inside a number: Northern "linh" (105), Southern "lẻ". */
export type ZeroTensWord = "linh" | "lẻ";

export interface WordsOptions {
  /** Digits after the comma, as the figure is written (formatPct writes 2). Default: as few as needed. */
  decimals?: number;
  /** Default "linh". */
  zeroTens?: ZeroTensWord;
}

function digit(d: number): string {
  const word = digitWords[d];
  if (word === undefined) throw new RangeError(`not a digit: ${d}`);
  return word;
}

/**
 * One group of three digits (0 < group < 1000). `full` when a larger non-zero group comes before
 * it, so that its hundreds are read even when zero ("không trăm") and a lone unit takes "linh".
 */
function groupWords(group: number, full: boolean, zeroTens: ZeroTensWord): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  const hundredsRead = hundreds > 0 || full;
  if (hundredsRead) words.push(digit(hundreds), "trăm");
  if (tens === 0) {
    if (units > 0) {
      if (hundredsRead) words.push(zeroTens);
      words.push(digit(units));
    }
  } else if (tens === 1) {
    words.push("mười");
    if (units === 5) words.push("lăm");
    else if (units > 0) words.push(digit(units));
  } else {
    words.push(digit(tens), "mươi");
    if (units === 1) words.push("mốt");
    else if (units === 4) words.push("tư");
    else if (units === 5) words.push("lăm");
    else if (units > 0) words.push(digit(units));
  }
  return words;
}

const groupNames = ["", "nghìn", "triệu"] as const;
const billion = 1_000_000_000;

/** Words of a whole number below a tỷ; `full` as in groupWords, for the part after "… tỷ". */
function belowBillionWords(n: number, full: boolean, zeroTens: ZeroTensWord): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  const words: string[] = [];
  let before = full;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) continue;
    words.push(...groupWords(group, before, zeroTens));
    const name = groupNames[i];
    if (name) words.push(name);
    before = true;
  }
  return words;
}

function wholeWords(n: number, zeroTens: ZeroTensWord): string[] {
  if (n === 0) return [digit(0)];
  if (n < billion) return belowBillionWords(n, false, zeroTens);
  const rest = n % billion;
  const words = [...wholeWords(Math.floor(n / billion), zeroTens), "tỷ"];
  if (rest > 0) words.push(...belowBillionWords(rest, true, zeroTens));
  return words;
}

/**
 * The digits after "phẩy", trailing zeros dropped: one or two read as a number (leading zero
 * "không"), more one by one.
 */
function fractionWords(written: string, zeroTens: ZeroTensWord): string[] {
  const digits = written.replace(/0+$/, "");
  if (digits === "") return [];
  if (digits.length > 2) return [...digits].map((d) => digit(Number(d)));
  const words = digits.startsWith("0") ? [digit(0)] : [];
  return [...words, ...wholeWords(Number(digits), zeroTens)];
}

/**
 * A number as Vietnamese words: `85.67` → "tám mươi lăm phẩy sáu mươi bảy", `1248` → "một nghìn
 * hai trăm bốn mươi tám", `-3` → "âm ba". The value is first written with `decimals` digits
 * (rounded as the displayed figure is), so the words say exactly what the page shows.
 */
export function numberToWords(value: number, options: WordsOptions = {}): string {
  const zeroTens = options.zeroTens ?? "linh";
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const written = options.decimals === undefined ? shortestDecimal(value) : value.toFixed(options.decimals);
  const [wholePart = "0", fractionPart = ""] = written.replace("-", "").split(".");
  const whole = Number(wholePart);
  if (!Number.isSafeInteger(whole)) throw new RangeError(`too large to read aloud: ${value}`);
  const fraction = fractionWords(fractionPart, zeroTens);
  const words = wholeWords(whole, zeroTens);
  if (fraction.length > 0) words.push("phẩy", ...fraction);
  const negative = written.startsWith("-") && (whole > 0 || fraction.length > 0);
  return (negative ? ["âm", ...words] : words).join(" ");
}

/** `85.67` → "tám mươi lăm phẩy sáu mươi bảy phần trăm" (2 decimals by default, as formatPct). */
export function percentToWords(value: number, options: WordsOptions = {}): string {
  return `${numberToWords(value, { decimals: 2, ...options })} phần trăm`;
}

/** The ordinal after "thứ": 1 → "nhất", 4 → "tư", else the number (thứ hai, thứ mười bốn). */
export function ordinalWords(n: number, options: Pick<WordsOptions, "zeroTens"> = {}): string {
  if (n === 1) return "nhất";
  if (n === 4) return "tư";
  return numberToWords(n, { decimals: 0, ...options });
}

// toFixed with the fewest digits that round-trip; String(value) would switch to exponent form.
function shortestDecimal(value: number): string {
  for (let decimals = 0; decimals < 20; decimals++) {
    const written = value.toFixed(decimals);
    if (Number(written) === value) return written;
  }
  return value.toFixed(20);
}

/**
 * A calendar date as said on air: `2024-03-15` → "ngày mười lăm tháng ba năm hai nghìn không trăm
 * hai mươi tư"; April is "tháng tư", as Vietnamese says it.
 */
export function dateToWords(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number) as [number, number, number];
  const monthWords = month === 4 ? "tư" : numberToWords(month);
  return `ngày ${numberToWords(day)} tháng ${monthWords} năm ${numberToWords(year)}`;
}
