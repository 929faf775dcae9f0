// The one catalogue of messages (docs/architecture.md: user-facing messages live in one place): validation
// problems here, and what stops a command (releases, the build lock, system failures) at the end of the file.
// Each code has a severity, a Vietnamese and an English message, a "how to fix" in Excel terms and
// an example; the data editors' guide page is generated from this object, and `problem()` builds
// every Problem the pipeline reports, so wording cannot drift between the CLI, CI and the site.
// Templates take `{name}` placeholders filled from the params given to `problem()`, and name the
// inputs through words that follow the input (`InputWords`): `{@groups.csv}` is "groups.csv" in a
// folder of CSV files and "trang tính Nhóm đối tượng" in a workbook; `{#criterion_id}` (a column of
// the problem's own file) or `{#groups.csv:planned}` is the column's name or the sheet's header.
import { wordsOf } from "../schemas/workbook.ts";
import type { Problem, Severity } from "./problem.ts";

export interface ProblemDefinition {
  severity: Severity;
  /** Which layer of the checks finds it (docs/quality.md#validation: bytes → dialect → header → rows → cells → cross-file). */
  layer: "file" | "header" | "row" | "cell" | "cross_file";
  message_vi: string;
  message_en: string;
  fix_vi: string;
  fix_en: string;
  /** A value that triggers the problem, as an editor would see it in the file. */
  example: string;
  /**
   * Params that fill the templates for the example, so the guide can show a real sentence; each
   * code's are checked against its own templates (ProblemParams, pipeline/messages.test.ts).
   */
  example_params: { readonly [name: string]: string | number };
  /** Params that are decimal numbers ("3.5"): a workbook shows them as Excel does, "3,5". */
  decimals?: readonly string[];
  /** Params holding a code of a coded column, shown in a workbook by the template's label. */
  labels?: { readonly [name: string]: readonly [file: string, column: string] };
  /** The wording in a workbook where the CSV file's does not fit (saving as CSV, a file's lines). */
  workbook?: Partial<Pick<ProblemDefinition, "message_vi" | "message_en" | "fix_vi" | "fix_en">>;
  /** Params listing columns of the problem's file ("commune_code + criterion_id"), named as its headers. */
  columnLists?: readonly string[];
}

const saveAsCsvUtf8Vi = 'Trong Excel chọn Tệp → Lưu thành, loại tệp "CSV UTF-8 (Comma delimited) (*.csv)".';
const saveAsCsvUtf8En = 'In Excel choose File → Save As, type "CSV UTF-8 (Comma delimited) (*.csv)".';
const pickListVi = "Chọn giá trị trong danh sách của ô (mũi tên bên phải ô), không gõ tay.";
const pickListEn =
  "Pick the value from the cell's drop-down list (the arrow beside the cell) rather than typing it.";
const textColumnVi =
  "Trong Excel chọn cả cột, Định dạng ô → Văn bản (Text) rồi nhập lại mã đủ 5 chữ số (hoặc gõ dấu ' trước mã).";
const textColumnEn =
  "In Excel select the column, Format Cells → Text, then re-type the full 5-digit code (or type ' before it).";

export const catalogue = {
  // ── the file and its bytes ────────────────────────────────────────────────────────────────
  file_missing: {
    severity: "error",
    layer: "file",
    message_vi: "Thiếu tệp {file} trong thư mục dữ liệu của năm.",
    message_en: "The file {file} is missing from the year's data folder.",
    fix_vi: "Thêm tệp {file} (đúng tên, chữ thường) vào thư mục data/<năm>/.",
    fix_en: "Add the file {file} (exact lower-case name) to the data/<year>/ folder.",
    example: "",
    example_params: { file: "appraisal.csv" },
  },
  file_too_large: {
    severity: "error",
    layer: "file",
    message_vi: "Tệp nặng {size} MB, vượt giới hạn {limit} MB nên không được đọc.",
    message_en: "The file is {size} MB, above the {limit} MB limit, so it was not read.",
    fix_vi:
      "Kiểm tra xem có phải nhầm tệp không; xóa các dòng, cột thừa trong Excel rồi lưu lại dạng CSV UTF-8.",
    fix_en:
      "Check that this is the right file; delete stray rows and columns in Excel and save it again as CSV UTF-8.",
    example: "",
    example_params: { size: 200, limit: 150 },
    workbook: {
      fix_vi:
        "Kiểm tra xem có phải nhầm tệp không; xóa các trang tính, dòng, cột thừa trong Excel rồi lưu lại.",
      fix_en:
        "Check that this is the right file; delete stray sheets, rows and columns in Excel, then save it again.",
    },
  },
  file_unreadable: {
    severity: "error",
    layer: "file",
    message_vi: "Không đọc được tệp: {detail}.",
    message_en: "The file could not be read: {detail}.",
    fix_vi: "Kiểm tra tệp có tồn tại, là tệp (không phải thư mục) và không bị chương trình khác khóa.",
    fix_en: "Check that the file exists, is a file (not a folder) and is not locked by another program.",
    example: "",
    example_params: { detail: "EISDIR" },
  },
  file_not_regular: {
    severity: "error",
    layer: "file",
    message_vi: "{file} là {kind_vi}, không phải tệp dữ liệu, nên không được đọc.",
    message_en: "{file} is {kind_en}, not a data file, so it was not read.",
    fix_vi: "Thay nó bằng tệp {file} thật (lưu từ Excel dạng CSV UTF-8) trong thư mục dữ liệu của năm.",
    fix_en: "Replace it with the real {file} file (saved from Excel as CSV UTF-8) in the year's data folder.",
    example: "",
    example_params: { file: "communes.csv", kind_vi: "một ống dẫn (FIFO)", kind_en: "a pipe (FIFO)" },
  },
  file_link_outside: {
    severity: "error",
    layer: "file",
    message_vi:
      "{file} là một liên kết (symlink, shortcut) trỏ ra ngoài thư mục dữ liệu của năm, nên không được đọc.",
    message_en:
      "{file} is a link (symlink, shortcut) leading out of the year's data folder, so it was not read.",
    fix_vi: "Chép chính tệp dữ liệu vào thư mục data/<năm>/ thay cho liên kết.",
    fix_en: "Copy the data file itself into the data/<year>/ folder instead of the link.",
    example: "",
    example_params: { file: "communes.csv" },
  },
  unexpected_failure: {
    severity: "error",
    layer: "file",
    message_vi: "Lỗi ngoài dự kiến khi kiểm tra tệp: {detail}.",
    message_en: "Unexpected failure while checking the file: {detail}.",
    fix_vi: "Đây có thể là lỗi của chương trình; gửi tệp này kèm thông báo cho nhóm kỹ thuật.",
    fix_en: "This may be a bug in the tool; send this file and the message to the technical team.",
    example: "",
    example_params: { detail: "RangeError" },
  },
  workbook_unreadable: {
    severity: "error",
    layer: "file",
    message_vi: "Không đọc được tệp Excel: {detail}.",
    message_en: "The Excel workbook could not be read: {detail}.",
    fix_vi: "Mở tệp bằng Excel, chọn Tệp → Lưu thành, loại “Excel Workbook (*.xlsx)”, rồi kiểm tra lại.",
    fix_en:
      "Open the file in Excel, choose File → Save As, type “Excel Workbook (*.xlsx)”, then check again.",
    example: "",
    example_params: { detail: "tệp không phải dạng nén .xlsx" },
  },
  workbook_too_large: {
    severity: "error",
    layer: "file",
    message_vi: "Tệp Excel quá lớn khi giải nén ({detail}) nên không được đọc.",
    message_en: "The Excel workbook is too large once decompressed ({detail}), so it was not read.",
    fix_vi: "Kiểm tra xem có phải nhầm tệp không; xóa các trang tính, dòng, cột thừa, hình ảnh rồi lưu lại.",
    fix_en:
      "Check that this is the right file; delete stray sheets, rows, columns and pictures, then save it again.",
    example: "",
    example_params: { detail: "giải nén ra 4096 MB, giới hạn 600 MB" },
  },
  workbook_limits: {
    severity: "error",
    layer: "file",
    message_vi: "Trang tính vượt giới hạn ({detail}) nên không được đọc.",
    message_en: "The sheet exceeds a limit ({detail}), so it was not read.",
    fix_vi: "Xóa các dòng, cột hoặc trang tính thừa (kể cả ô chỉ có định dạng) rồi lưu lại.",
    fix_en:
      "Delete stray rows, columns or sheets (including cells that only hold formatting), then save again.",
    example: "",
    example_params: { detail: "hơn 500 cột" },
  },
  sheet_missing: {
    severity: "error",
    layer: "file",
    message_vi: "Tệp Excel thiếu trang tính {file} (hoặc “{title}”).",
    message_en: "The Excel workbook has no sheet {file} (or “{title}”).",
    fix_vi: "Thêm trang tính có tên {file} hoặc “{title}”; dễ nhất là bắt đầu từ tệp mẫu trên trang Dữ liệu.",
    fix_en:
      "Add a sheet named {file} or “{title}”; the easiest is to start from the template on the Data page.",
    example: "",
    example_params: { file: "appraisal", title: "Điểm thẩm định" },
    workbook: {
      message_vi: "Tệp Excel thiếu trang tính “{title}”.",
      message_en: "The Excel workbook has no sheet “{title}”.",
      fix_vi: "Thêm trang tính có tên “{title}”; dễ nhất là bắt đầu từ tệp mẫu trên trang Dữ liệu.",
      fix_en: "Add a sheet named “{title}”; the easiest is to start from the template on the Data page.",
    },
  },
  several_workbooks: {
    severity: "error",
    layer: "file",
    message_vi: "Có nhiều tệp Excel cùng lúc ({files}); chỉ kiểm tra được một tệp Excel cho một năm.",
    message_en: "There are several Excel workbooks ({files}); one workbook per year can be checked.",
    fix_vi: "Chép các trang tính vào một tệp Excel duy nhất (hoặc chỉ chọn một tệp).",
    fix_en: "Copy the sheets into one workbook (or choose only one file).",
    example: "",
    example_params: { files: "2023.xlsx, 2023 (1).xlsx" },
  },
  sheet_duplicate: {
    severity: "error",
    layer: "file",
    message_vi:
      "Hai trang tính “{first}” và “{second}” cùng là trang {sheet}; không biết phải đọc trang nào nên không đọc trang nào.",
    message_en:
      "The sheets “{first}” and “{second}” both stand for {sheet}; which one to read is unclear, so neither is read.",
    fix_vi: "Giữ một trang tính cho {sheet}: xóa trang kia, hoặc đổi tên nó (ví dụ thêm “cũ” vào tên).",
    fix_en: "Keep one sheet for {sheet}: delete the other, or rename it (e.g. add “old” to its name).",
    example: "",
    example_params: { sheet: "appraisal", first: "appraisal", second: "Điểm thẩm định" },
  },
  sheet_hidden_ignored: {
    severity: "warning",
    layer: "file",
    message_vi:
      "Trang tính ẩn “{hidden}” trùng tên trang {sheet} nên không được đọc; chỉ trang đang hiện “{visible}” được kiểm tra.",
    message_en:
      "The hidden sheet “{hidden}” is named like {sheet}, so it was not read; only the visible sheet “{visible}” is checked.",
    fix_vi:
      "Nếu số liệu đúng nằm ở trang ẩn: chuột phải vào tên một trang tính → Bỏ ẩn, chép số liệu sang trang “{visible}”; rồi xóa trang ẩn.",
    fix_en:
      "If the right figures are on the hidden sheet: right-click a sheet tab → Unhide, copy them to “{visible}”; then delete the hidden sheet.",
    example: "",
    example_params: { sheet: "appraisal", hidden: "appraisal", visible: "Điểm thẩm định" },
  },
  sheet_hidden: {
    severity: "error",
    layer: "file",
    message_vi: "Trang tính “{hidden}” (trang {sheet}) đang bị ẩn nên không được đọc.",
    message_en: "The sheet “{hidden}” (for {sheet}) is hidden, so it was not read.",
    fix_vi:
      "Chuột phải vào tên một trang tính → Bỏ ẩn, chọn “{hidden}”, xem lại số liệu trên đó rồi lưu và kiểm tra lại.",
    fix_en:
      "Right-click a sheet tab → Unhide, choose “{hidden}”, review its figures, then save and check again.",
    example: "",
    example_params: { sheet: "appraisal", hidden: "Điểm thẩm định" },
  },
  sheet_unreadable: {
    severity: "error",
    layer: "file",
    message_vi: "Trang tính “{sheet}” bị hỏng, không đọc được ({detail}).",
    message_en: "The sheet “{sheet}” is damaged and could not be read ({detail}).",
    fix_vi:
      "Mở tệp bằng Excel (Excel sẽ đề nghị sửa tệp), kiểm tra trang “{sheet}”, chọn Tệp → Lưu thành, loại “Excel Workbook (*.xlsx)”.",
    fix_en:
      "Open the file in Excel (it will offer to repair it), check the sheet “{sheet}”, then File → Save As, type “Excel Workbook (*.xlsx)”.",
    example: "",
    example_params: { sheet: "Điểm thẩm định", detail: "2:8385: undefined entity" },
  },
  sheet_too_large: {
    severity: "error",
    layer: "file",
    message_vi:
      "Trang tính “{sheet}” quá lớn: {size} MB khi giải nén, vượt giới hạn {limit} MB một trang, nên không được đọc.",
    message_en:
      "The sheet “{sheet}” is too large: {size} MB once decompressed, above the {limit} MB limit per sheet, so it was not read.",
    fix_vi:
      "Trong trang “{sheet}”, chọn các dòng và cột thừa bên dưới và bên phải số liệu (kể cả ô chỉ có định dạng), Xóa, rồi lưu lại.",
    fix_en:
      "On the sheet “{sheet}”, select the stray rows and columns below and right of the data (even cells with only formatting), Delete, then save again.",
    example: "",
    example_params: { sheet: "Phiếu người dân", size: 590, limit: 400 },
  },
  not_xlsx_xls: {
    severity: "error",
    layer: "file",
    message_vi:
      "Tệp {file} là bảng tính Excel 97–2003 (.xls), dạng cũ không đọc được ở đây; chỉ đọc tệp .xlsx.",
    message_en:
      "The file {file} is an Excel 97–2003 workbook (.xls), an old format not read here; only .xlsx is.",
    fix_vi:
      "Mở tệp bằng Excel, chọn Tệp → Lưu thành, loại “Excel Workbook (*.xlsx)” (LibreOffice: Tệp → Lưu thành, kiểu “Excel 2007-365 (.xlsx)”), rồi kiểm tra tệp .xlsx mới.",
    fix_en:
      "Open it in Excel, choose File → Save As, type “Excel Workbook (*.xlsx)” (LibreOffice: File → Save As, type “Excel 2007-365 (.xlsx)”), then check the new .xlsx file.",
    example: "",
    example_params: { file: "du-lieu-2023.xls" },
  },
  not_xlsx_ods: {
    severity: "error",
    layer: "file",
    message_vi:
      "Tệp {file} là bảng tính OpenDocument (.ods, của LibreOffice), không đọc được ở đây; chỉ đọc tệp .xlsx.",
    message_en:
      "The file {file} is an OpenDocument spreadsheet (.ods, from LibreOffice), not read here; only .xlsx is.",
    fix_vi:
      "Mở tệp bằng LibreOffice Calc, chọn Tệp → Lưu thành, kiểu tệp “Excel 2007-365 (.xlsx)”, chọn “Dùng định dạng Excel 2007-365!”, rồi kiểm tra tệp .xlsx mới.",
    fix_en:
      "Open it in LibreOffice Calc, choose File → Save As, type “Excel 2007-365 (.xlsx)”, choose Use Excel 2007-365!, then check the new .xlsx file.",
    example: "",
    example_params: { file: "du-lieu-2023.ods" },
  },
  not_xlsx_encrypted: {
    severity: "error",
    layer: "file",
    message_vi: "Tệp {file} là tệp Excel có đặt mật khẩu (đã mã hóa), nên không đọc được nội dung.",
    message_en:
      "The file {file} is a password-protected (encrypted) Excel workbook, so its content cannot be read.",
    fix_vi:
      "Mở tệp bằng Excel với mật khẩu, chọn Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu, bấm OK, lưu lại dạng .xlsx rồi kiểm tra lại.",
    fix_en:
      "Open it in Excel with its password, choose File → Info → Protect Workbook → Encrypt with Password, clear the password, OK, save as .xlsx and check again.",
    example: "",
    example_params: { file: "du-lieu-2023.xlsx" },
  },
  not_xlsx_text: {
    severity: "error",
    layer: "file",
    message_vi:
      "Tệp {file} là tệp văn bản (như CSV) chỉ mang đuôi của tệp Excel; nội dung không phải bảng tính .xlsx.",
    message_en:
      "The file {file} is a text file (such as CSV) that only has an Excel file's extension; it is not an .xlsx workbook.",
    fix_vi:
      "Mở tệp bằng Excel, chọn Tệp → Lưu thành, loại “Excel Workbook (*.xlsx)”; hoặc, nếu đó là một tệp CSV, đặt lại đúng tên của nó (ví dụ appraisal.csv) và kiểm tra cùng các tệp CSV khác.",
    fix_en:
      "Open it in Excel, choose File → Save As, type “Excel Workbook (*.xlsx)”; or, if it is a CSV file, give it back its name (e.g. appraisal.csv) and check it with the other CSV files.",
    example: "commune_code,criterion_id,…",
    example_params: { file: "du-lieu-2023.xlsx" },
  },
  not_xlsx_pdf: {
    severity: "error",
    layer: "file",
    message_vi: "Tệp {file} là tệp PDF: số liệu trong PDF không đọc được; cần tệp Excel .xlsx.",
    message_en: "The file {file} is a PDF: figures in a PDF cannot be read; an Excel .xlsx file is needed.",
    fix_vi:
      "Mở bảng tính gốc (không phải bản in ra PDF) bằng Excel, chọn Tệp → Lưu thành, loại “Excel Workbook (*.xlsx)”, rồi kiểm tra tệp đó.",
    fix_en:
      "Open the original workbook (not its PDF print) in Excel, choose File → Save As, type “Excel Workbook (*.xlsx)”, then check that file.",
    example: "%PDF-1.7",
    example_params: { file: "bao-cao-2023.pdf" },
  },
  empty_file: {
    severity: "error",
    layer: "file",
    message_vi: "Tệp rỗng, không có nội dung.",
    message_en: "The file is empty.",
    fix_vi:
      "Mở lại bảng gốc trong Excel và lưu lại dạng CSV UTF-8 (tệp phải có dòng tiêu đề cột và dữ liệu).",
    fix_en: "Open the original sheet in Excel and save it again as CSV UTF-8 (with a header row and data).",
    example: "",
    example_params: {},
    workbook: {
      message_vi: "Trang tính {file} trống, không có nội dung.",
      message_en: "The sheet {file} is empty.",
      fix_vi: "Nhập dữ liệu vào trang tính, bên dưới dòng tiêu đề cột như trong tệp mẫu.",
      fix_en: "Enter the data in the sheet, below a header row as in the template.",
    },
  },
  binary_file: {
    severity: "error",
    layer: "file",
    message_vi:
      "Tệp không phải văn bản CSV (có byte nhị phân{detail}); có thể là tệp Excel .xlsx bị đổi đuôi.",
    message_en: "The file is not CSV text (it has binary bytes{detail}); it may be an Excel .xlsx renamed.",
    fix_vi: saveAsCsvUtf8Vi,
    fix_en: saveAsCsvUtf8En,
    example: "PK\u0003\u0004…",
    example_params: { detail: ", bắt đầu bằng PK: tệp nén/xlsx" },
  },
  encoding_not_utf8: {
    severity: "error",
    layer: "file",
    message_vi:
      'Tệp không được lưu bằng bảng mã UTF-8 (có thể là Windows-1258), dòng {line} đọc ra "{sample}". Chữ tiếng Việt sẽ bị sai.',
    message_en:
      'The file is not saved as UTF-8 (probably Windows-1258); line {line} reads "{sample}". Vietnamese letters would be wrong.',
    fix_vi: saveAsCsvUtf8Vi + " Không dùng loại “CSV (Comma delimited)” thường.",
    fix_en: saveAsCsvUtf8En + " Do not use the plain “CSV (Comma delimited)” type.",
    example: "Xã Hồng Dụ (lưu bằng Windows-1258)",
    example_params: { line: 2, sample: "11161,Xã Ứng Hòe,xa,60" },
  },
  legacy_vietnamese_encoding: {
    severity: "error",
    layer: "file",
    message_vi:
      'Chữ "{sample}" là tiếng Việt gõ bằng bảng mã cũ TCVN3 (ABC, phông .Vn…) hoặc VNI, không phải Unicode; các trang web và máy tính khác sẽ hiển thị sai.',
    message_en:
      'The text "{sample}" is Vietnamese typed in a legacy encoding, TCVN3 (ABC, .Vn fonts) or VNI, not Unicode; websites and other computers show it garbled.',
    fix_vi:
      "Chép bảng vào clipboard, dùng Unikey → Công cụ chuyển mã (Ctrl+Shift+F6), nguồn TCVN3 (ABC) hoặc VNI Windows, đích Unicode, rồi dán lại và lưu dạng CSV UTF-8.",
    fix_en:
      "Copy the sheet, use Unikey's converter (Ctrl+Shift+F6) from TCVN3 (ABC) or VNI Windows to Unicode, paste it back and save as CSV UTF-8.",
    example: "X· Hång Dô / Xaõ Hoàng Duï",
    example_params: { sample: "X· Hång Dô" },
    workbook: {
      fix_vi:
        "Chép các ô vào clipboard, dùng Unikey → Công cụ chuyển mã (Ctrl+Shift+F6), nguồn TCVN3 (ABC) hoặc VNI Windows, đích Unicode, rồi dán lại vào trang tính.",
      fix_en:
        "Copy the cells, use Unikey's converter (Ctrl+Shift+F6) from TCVN3 (ABC) or VNI Windows to Unicode, and paste them back into the sheet.",
    },
  },
  text_not_nfc: {
    severity: "warning",
    layer: "file",
    message_vi:
      "Chữ tiếng Việt từ dòng {line} được gõ dạng dấu rời (tổ hợp, NFD); chương trình đã tự chuẩn hóa về dạng dựng sẵn (NFC).",
    message_en:
      "Vietnamese text from line {line} uses separate combining accents (NFD); it was normalised to precomposed form (NFC).",
    fix_vi: "Không bắt buộc sửa. Nên đặt Unikey bảng mã “Unicode dựng sẵn” khi nhập liệu.",
    fix_en: "No fix needed. Prefer Unikey's “Unicode dựng sẵn” (precomposed) setting when typing.",
    example: "Xã Hồng Dụ (dấu rời)",
    example_params: { line: 3 },
  },
  unclosed_quote: {
    severity: "error",
    layer: "row",
    message_vi:
      'Dấu ngoặc kép (") mở ở dòng {line} không được đóng; phần còn lại của tệp bị đọc thành một ô.',
    message_en:
      'A double quote (") opened on line {line} is never closed; the rest of the file reads as one cell.',
    fix_vi:
      'Sửa ô đó trong Excel (xóa dấu " thừa, hoặc viết "" nếu cần dấu ngoặc kép trong nội dung) rồi lưu lại dạng CSV UTF-8.',
    fix_en:
      'Fix that cell in Excel (remove the stray ", or write "" for a quote inside text) and save again as CSV UTF-8.',
    example: '"Chưa ban hành kế hoạch',
    example_params: { line: 7 },
  },
  // ── the header ───────────────────────────────────────────────────────────────────────────
  header_not_found: {
    severity: "error",
    layer: "header",
    message_vi: "Không tìm thấy dòng tiêu đề cột. Cần các cột: {expected}. Tìm thấy: {found}.",
    message_en: "No header row found. Expected columns: {expected}. Found: {found}.",
    fix_vi:
      "Dòng đầu tiên phải là tên cột đúng như mẫu (chữ thường, không dấu, nối bằng _), phân cách bằng dấu phẩy, chấm phẩy hoặc tab.",
    fix_en:
      "The first row must hold the column names exactly as in the template (lower case ASCII with _), separated by commas, semicolons or tabs.",
    example: "Mã xã,Tên xã,Loại",
    example_params: { expected: "code, name, type, survey_quota", found: "Mã xã, Tên xã, Loại" },
    workbook: {
      fix_vi:
        "Dòng tiêu đề phải có các tiêu đề cột như tệp mẫu; dễ nhất là chép dữ liệu vào tệp mẫu trên trang Dữ liệu.",
      fix_en:
        "The header row must hold the template's column headers; the easiest is to copy the data into the template from the Data page.",
    },
    columnLists: ["expected"],
  },
  title_row: {
    severity: "error",
    layer: "header",
    message_vi: "Có dòng tiêu đề/ô gộp phía trên bảng; dòng tên cột thật nằm ở dòng {header_line}.",
    message_en: "There is a title or merged row above the table; the real header row is line {header_line}.",
    fix_vi:
      "Trong Excel xóa các dòng phía trên dòng tên cột (bỏ gộp ô), để tên cột ở dòng 1, rồi lưu lại dạng CSV UTF-8.",
    fix_en:
      "In Excel delete the rows above the column names (unmerge cells) so the header is row 1, then save as CSV UTF-8.",
    example: "BẢNG ĐIỂM THẨM ĐỊNH NĂM 2023,,,,",
    example_params: { header_line: 2 },
    workbook: {
      fix_vi:
        "Không bắt buộc xóa nếu đúng là tiêu đề của bảng; nếu không, xóa các dòng phía trên dòng tiêu đề cột (bỏ gộp ô).",
      fix_en:
        "If it is the table's title, nothing to do; otherwise delete the rows above the column headers (unmerge cells).",
    },
  },
  missing_column: {
    severity: "error",
    layer: "header",
    message_vi: 'Thiếu cột "{column}". Cần các cột: {expected}. Tìm thấy: {found}.',
    message_en: 'Missing column "{column}". Expected columns: {expected}. Found: {found}.',
    fix_vi: 'Thêm cột có tên đúng "{column}" ở dòng 1.',
    fix_en: 'Add a column named exactly "{column}" in row 1.',
    example: "code,name,type",
    example_params: {
      column: "survey_quota",
      expected: "code, name, type, survey_quota",
      found: "code, name, type",
    },
    workbook: {
      fix_vi: 'Thêm cột có tiêu đề "{column}" vào dòng tiêu đề, như trong tệp mẫu.',
      fix_en: 'Add a column headed "{column}" to the header row, as in the template.',
    },
    columnLists: ["expected", "found"],
  },
  misspelled_column: {
    severity: "error",
    layer: "header",
    message_vi: 'Cột "{value}" không có trong mẫu; có phải là "{suggestion}"?',
    message_en: 'Column "{value}" is not in the template; did you mean "{suggestion}"?',
    fix_vi: 'Đổi tên cột ở dòng 1 thành "{suggestion}" (đúng chính tả, chữ thường).',
    fix_en: 'Rename the column in row 1 to "{suggestion}" (exact spelling, lower case).',
    example: "comune_code",
    example_params: { value: "comune_code", suggestion: "commune_code" },
    workbook: {
      fix_vi: 'Sửa tiêu đề cột thành "{suggestion}" như trong tệp mẫu.',
      fix_en: 'Rename the column "{suggestion}", as in the template.',
    },
    columnLists: ["suggestion"],
  },
  duplicate_column: {
    severity: "error",
    layer: "header",
    message_vi: 'Cột "{value}" xuất hiện hai lần (cột thứ {first_position} và {position}).',
    message_en: 'Column "{value}" appears twice (columns {first_position} and {position}).',
    fix_vi: "Xóa hoặc đổi tên một trong hai cột trùng trong Excel.",
    fix_en: "Delete or rename one of the two duplicate columns in Excel.",
    example: "self_score,self_score",
    example_params: { value: "self_score", first_position: 3, position: 5 },
    columnLists: ["value"],
  },
  blank_column: {
    severity: "error",
    layer: "header",
    message_vi: "Cột thứ {position} không có tên ở dòng tiêu đề.",
    message_en: "Column {position} has no name in the header row.",
    fix_vi: "Đặt tên cho cột đó, hoặc xóa hẳn cột (kể cả các ô trống) trong Excel nếu không dùng.",
    fix_en: "Name that column, or delete the whole column in Excel if it is not used.",
    example: "code,,name",
    example_params: { position: 2 },
  },
  unknown_column: {
    severity: "warning",
    layer: "header",
    message_vi: 'Cột "{value}" không có trong mẫu dữ liệu; cột này bị bỏ qua và không bao giờ được công bố.',
    message_en: 'Column "{value}" is not part of the data contract; it is ignored and never published.',
    fix_vi: "Nếu cột chứa thông tin cá nhân (họ tên, số điện thoại), nên xóa cột khỏi tệp trước khi nộp.",
    fix_en:
      "If the column holds personal data (names, phone numbers), delete it from the file before submitting.",
    example: "ho_ten",
    example_params: { value: "ho_ten" },
  },
  unknown_question: {
    severity: "error",
    layer: "header",
    message_vi:
      'Cột "{value}" trông như mã câu hỏi nhưng không có trong {@questions.csv} cho nhóm {panel}; câu trả lời sẽ bị mất.',
    message_en:
      'Column "{value}" looks like a question id but {@questions.csv} has no such {panel} question; its answers would be lost.',
    fix_vi: "Sửa tên cột cho đúng mã câu hỏi, hoặc thêm câu hỏi đó vào {@questions.csv}.",
    fix_en: "Correct the column name to the question's id, or add the question to {@questions.csv}.",
    example: "CB99",
    example_params: { value: "CB99", panel: "officials" },
    labels: { panel: ["questions.csv", "panel"] },
  },
  missing_question_column: {
    severity: "error",
    layer: "header",
    message_vi:
      'Câu hỏi {column} có trong {@questions.csv} (nhóm {panel}) nhưng tệp phiếu không có cột "{column}".',
    message_en:
      'Question {column} is in {@questions.csv} ({panel}) but the forms file has no "{column}" column.',
    fix_vi: "Thêm cột đúng mã câu hỏi vào tệp phiếu, hoặc bỏ câu hỏi khỏi {@questions.csv} nếu không hỏi.",
    fix_en:
      "Add the question's column to the forms file, or remove the question from {@questions.csv} if it was not asked.",
    example: "",
    example_params: { column: "ND07", panel: "citizens" },
    labels: { panel: ["questions.csv", "panel"] },
  },
  // ── rows ─────────────────────────────────────────────────────────────────────────────────
  no_rows: {
    severity: "error",
    layer: "row",
    message_vi: "Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.",
    message_en: "The file has a header row but no data rows.",
    fix_vi: "Kiểm tra lại đã chép đủ dữ liệu vào bảng trước khi lưu dạng CSV UTF-8.",
    fix_en: "Check that the data were copied into the sheet before saving as CSV UTF-8.",
    example: "code,name,type,survey_quota",
    example_params: {},
    workbook: {
      message_vi: "Trang tính {file} chưa có dòng nào.",
      message_en: "The sheet {file} has no rows yet.",
      fix_vi: "Nhập dữ liệu vào trang tính, mỗi dòng một mục, bên dưới dòng tiêu đề cột.",
      fix_en: "Enter the data in the sheet, one row each, below the header row.",
    },
  },
  blank_cells: {
    severity: "error",
    layer: "cell",
    message_vi: "Cột {column} còn trống ở {count} dòng (dòng {rows}).",
    message_en: "Column {column} is still blank on {count_en} rows (rows {rows}).",
    fix_vi: "Nhập giá trị vào các ô còn trống của cột này rồi kiểm tra lại.",
    fix_en: "Fill in this column's blank cells, then check again.",
    example: "",
    example_params: { column: "Điểm thẩm định", count: "840", count_en: "840", rows: "2, 3, 4, 5, 6, …" },
  },
  ragged_row: {
    severity: "error",
    layer: "row",
    message_vi:
      "Dòng có {found} ô nhưng tiêu đề có {expected} cột (thường do dấu phân cách thừa/thiếu trong một ô).",
    message_en:
      "The row has {found} cells but the header has {expected} columns (usually a stray separator in a cell).",
    fix_vi:
      'Kiểm tra ô có chứa dấu phẩy/chấm phẩy; lưu lại từ Excel dạng CSV UTF-8 để Excel tự đặt ngoặc kép "…".',
    fix_en:
      'Look for a cell containing a comma or semicolon; save again from Excel as CSV UTF-8 so Excel quotes it "…".',
    example: "11161,Xã Ứng Hòe,xa,60,thừa",
    example_params: { found: 5, expected: 4 },
    workbook: {
      message_vi: "Dòng có ô có nội dung ở cột thứ {found}, ngoài {expected} cột có tiêu đề của bảng.",
      message_en: "The row has content in column {found}, beyond the table's {expected} headed columns.",
      fix_vi: "Xóa nội dung các ô bên phải cột cuối cùng có tiêu đề, hoặc chuyển nội dung vào đúng cột.",
      fix_en:
        "Clear the cells to the right of the last headed column, or move their content to the right column.",
    },
  },
  formula_trigger: {
    severity: "warning",
    layer: "cell",
    message_vi:
      'Ô bắt đầu bằng ký tự "{trigger}" mà Excel có thể hiểu là công thức; khi công bố sẽ được vô hiệu hóa.',
    message_en:
      'The cell starts with "{trigger}", which Excel may run as a formula; it is neutralised when published.',
    fix_vi: "Kiểm tra nội dung ô; nếu là văn bản bình thường, bỏ ký tự đầu đó hoặc viết lại câu.",
    fix_en: "Check the cell; if it is ordinary text, remove that first character or reword it.",
    example: "=HYPERLINK(…)",
    example_params: { trigger: "=" },
  },
  invisible_in_code: {
    severity: "error",
    layer: "cell",
    message_vi:
      "Mã có ký tự ẩn {char} (ký tự điều khiển hoặc đảo chiều văn bản), nên hai mã trông giống nhau lại khác nhau.",
    message_en:
      "The code holds the invisible character {char} (a control or text-direction character), so two codes that look alike differ.",
    fix_vi: "Xóa ô rồi gõ lại mã bằng tay (không dán từ nơi khác).",
    fix_en: "Clear the cell and type the code again by hand (do not paste it).",
    example: "01001\u202e",
    example_params: { char: "U+202E" },
  },
  invisible_in_text: {
    severity: "warning",
    layer: "cell",
    message_vi:
      "Ô có ký tự ẩn {char} (ký tự điều khiển hoặc đảo chiều văn bản), có thể làm chữ hiển thị sai thứ tự.",
    message_en:
      "The cell holds the invisible character {char} (a control or text-direction character), which can reorder how the text shows.",
    fix_vi: "Xóa ô rồi gõ lại nội dung bằng tay, hoặc dán dưới dạng văn bản thuần (Ctrl+Shift+V).",
    fix_en: "Clear the cell and type the text again, or paste it as plain text (Ctrl+Shift+V).",
    example: "Xã \u202eHồng Dụ",
    example_params: { char: "U+202E" },
  },
  text_character: {
    severity: "error",
    layer: "cell",
    message_vi:
      "Nội dung có {kind_vi} ({char}) ở ký tự thứ {position_vi}: trang web, biểu đồ, bản tin RSS và báo cáo không chứa được ký tự này ở đây, nên dữ liệu không được công bố.",
    message_en:
      "The text holds {kind_en} ({char}) at character {position_en}, which the web pages, charts, feed and report cannot carry here, so nothing is published.",
    fix_vi:
      "Xóa ký tự đó: gõ lại nội dung bằng tay, hoặc dán dưới dạng văn bản thuần (Ctrl+Shift+V). Chỉ cột ghi chú và lý do được xuống dòng.",
    fix_en:
      "Remove the character: type the text again, or paste it as plain text (Ctrl+Shift+V). Only notes and reasons may hold line breaks.",
    // Shown as the report shows it: the guide page must not carry the control character itself.
    example: "Xã Hồng<U+000B>Dụ",
    example_params: {
      kind_vi: "ký tự điều khiển",
      kind_en: "a control character",
      char: "U+000B",
      position_vi: 8,
      position_en: 8,
    },
  },
  text_too_long: {
    severity: "error",
    layer: "cell",
    message_vi:
      "Nội dung dài {length_vi} ký tự, quá giới hạn {max_vi} ký tự của cột này (giới hạn rộng hơn mọi tên và văn bản thật), nên dữ liệu không được công bố.",
    message_en:
      "The text is {length_en} characters long, above this column's limit of {max_en} (wider than any real name or text), so nothing is published.",
    fix_vi:
      "Kiểm tra xem có dán nhầm cả đoạn văn vào ô không; rút gọn nội dung, phần giải thích dài ghi vào cột ghi chú.",
    fix_en:
      "Check that a whole passage was not pasted into the cell by mistake; shorten the text and put long explanations in the notes.",
    example: "Xã Hồng Dụ Xã Hồng Dụ Xã Hồng Dụ …",
    example_params: { length_vi: "3.000", length_en: "3,000", max_vi: 100, max_en: 100 },
  },
  formula_without_value: {
    severity: "error",
    layer: "cell",
    message_vi:
      "Ô {cell} có công thức nhưng tệp không lưu kết quả tính; công thức không được tính lại khi kiểm tra.",
    message_en:
      "Cell {cell} holds a formula whose result was not saved; formulas are never recalculated here.",
    fix_vi: "Mở tệp bằng Excel, để Excel tính xong rồi lưu lại; hoặc sao chép cột và Dán đặc biệt → Giá trị.",
    fix_en:
      "Open the file in Excel, let it calculate and save again; or copy the column and Paste Special → Values.",
    example: "=SUM(C2:C5)",
    example_params: { cell: "D6" },
  },
  // ── cells (the Zod row schemas carry these codes as their errors) ─────────────────────────────
  required: {
    severity: "error",
    layer: "cell",
    message_vi: "Ô bắt buộc nhưng đang trống.",
    message_en: "This cell is required but empty.",
    fix_vi: "Nhập giá trị cho ô này.",
    fix_en: "Enter a value in this cell.",
    example: "",
    example_params: {},
  },
  commune_code_format: {
    severity: "error",
    layer: "cell",
    message_vi: 'Mã xã "{value}" phải gồm đúng 5 chữ số (mã Tổng cục Thống kê).',
    message_en: 'Commune code "{value}" must be exactly 5 digits (the GSO code).',
    fix_vi: textColumnVi,
    fix_en: textColumnEn,
    example: "1116A",
    example_params: { value: "1116A" },
  },
  code_lost_leading_zeros: {
    severity: "error",
    layer: "cell",
    message_vi:
      'Mã "{value}" đã mất số 0 ở đầu (Excel tự xóa số 0 đầu khi coi ô là số); mã đúng là "{suggestion}".',
    message_en:
      'Code "{value}" lost its leading zeros (Excel strips them when it treats the cell as a number); it should be "{suggestion}".',
    fix_vi: textColumnVi,
    fix_en: textColumnEn,
    example: "1155",
    example_params: { value: "1155", suggestion: "01155" },
  },
  criterion_id_format: {
    severity: "error",
    layer: "cell",
    message_vi: 'Mã tiêu chí "{value}" không đúng dạng số cách nhau bằng dấu chấm (ví dụ 1, 1.2, 1.2.3).',
    message_en: 'Criterion id "{value}" is not dot-separated numbers (e.g. 1, 1.2, 1.2.3).',
    fix_vi:
      "Định dạng cột là Văn bản (Text) trong Excel để Excel không đổi 1.10 thành 1.1 hoặc thành ngày tháng, rồi nhập lại mã.",
    fix_en:
      "Format the column as Text in Excel so it does not turn 1.10 into 1.1 or into a date, then re-type the id.",
    example: "1.2.",
    example_params: { value: "1.2." },
  },
  code_format: {
    severity: "error",
    layer: "cell",
    message_vi: 'Mã "{value}" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ.',
    message_en:
      'Code "{value}" may only hold lower-case ASCII letters, digits and underscores, starting with a letter.',
    fix_vi: "Viết lại mã theo đúng mẫu (ví dụ nguoi_dan, hdnd).",
    fix_en: "Re-type the code as in the template (e.g. nguoi_dan, hdnd).",
    example: "Người dân",
    example_params: { value: "Người dân" },
  },
  question_id_format: {
    severity: "error",
    layer: "cell",
    message_vi: 'Mã câu hỏi "{value}" phải là 2 chữ in hoa và 2–3 chữ số (ví dụ CB01, ND12).',
    message_en: 'Question id "{value}" must be 2 capital letters and 2–3 digits (e.g. CB01, ND12).',
    fix_vi: "Sửa mã câu hỏi theo mẫu; mã này cũng là tên cột trong tệp phiếu.",
    fix_en: "Correct the id to the pattern; it is also the column name in the forms file.",
    example: "cb1",
    example_params: { value: "cb1" },
  },
  option_format: {
    severity: "error",
    layer: "cell",
    message_vi: 'Mã phương án "{value}" phải là 1–3 chữ in hoa hoặc chữ số (ví dụ A, E, 5).',
    message_en: 'Option code "{value}" must be 1–3 capital letters or digits (e.g. A, E, 5).',
    fix_vi: "Ghi đúng ký hiệu in trên phiếu.",
    fix_en: "Write the code printed on the form.",
    example: "a)",
    example_params: { value: "a)" },
  },
  not_a_number: {
    severity: "error",
    layer: "cell",
    message_vi: 'Giá trị "{value}" không phải là số.',
    message_en: 'The value "{value}" is not a number.',
    fix_vi: "Nhập số bằng chữ số (ví dụ 8 hoặc 8,5), không viết bằng chữ, không kèm đơn vị.",
    fix_en: "Enter the number in digits (e.g. 8 or 8.5), not in words, without units.",
    example: "tám",
    example_params: { value: "tám" },
  },
  too_many_decimals: {
    severity: "error",
    layer: "cell",
    message_vi: 'Số "{value}" có quá nhiều chữ số thập phân (tối đa {places}).',
    message_en: 'The number "{value}" has too many decimals (at most {places}).',
    fix_vi: "Làm tròn giá trị thật trong ô (hàm ROUND), không chỉ định dạng hiển thị, rồi lưu lại.",
    fix_en: "Round the stored value (ROUND function), not just its display format, then save again.",
    example: "7,125",
    example_params: { value: "7,125", places: 2 },
    decimals: ["value"],
  },
  negative_number: {
    severity: "error",
    layer: "cell",
    message_vi: 'Giá trị "{value}" là số âm; điểm và số lượng phải từ 0 trở lên.',
    message_en: 'The value "{value}" is negative; scores and counts must be 0 or more.',
    fix_vi: "Sửa thành số từ 0 trở lên (điểm bị trừ thì ghi số điểm còn lại, không ghi số âm).",
    fix_en: "Enter a number of 0 or more (for a deduction, write the points that remain).",
    example: "-1",
    example_params: { value: "-1" },
    decimals: ["value"],
  },
  not_a_whole_number: {
    severity: "error",
    layer: "cell",
    message_vi: 'Giá trị "{value}" phải là số nguyên không âm.',
    message_en: 'The value "{value}" must be a whole number, 0 or more.',
    fix_vi: "Nhập số nguyên (ví dụ 60), không có phần thập phân hay dấu phân cách hàng nghìn.",
    fix_en: "Enter a whole number (e.g. 60), with no decimals or thousands separators.",
    example: "60,5",
    example_params: { value: "60,5" },
  },
  not_a_boolean: {
    severity: "error",
    layer: "cell",
    message_vi:
      'Giá trị "{value}" phải là {=scales.csv:satisfied:true}, {=scales.csv:satisfied:false} hoặc để trống.',
    message_en:
      'The value "{value}" must be {=scales.csv:satisfied:true}, {=scales.csv:satisfied:false} or blank.',
    fix_vi:
      "Ghi true (hài lòng) hoặc false (không hài lòng) bằng chữ thường; Excel hiển thị TRUE cũng được lưu lại thành chữ thường nếu cột định dạng Văn bản.",
    fix_en:
      "Write true or false in lower case; format the column as Text so Excel does not change it to TRUE.",
    example: "có",
    example_params: { value: "có" },
    workbook: { fix_vi: pickListVi, fix_en: pickListEn },
  },
  commune_type: {
    severity: "error",
    layer: "cell",
    message_vi:
      'Loại đơn vị "{value}" không hợp lệ; chỉ nhận {=communes.csv:type:xa}, {=communes.csv:type:phuong}, {=communes.csv:type:thi_tran} hoặc {=communes.csv:type:dac_khu}.',
    message_en:
      'Unit type "{value}" is not valid; use {=communes.csv:type:xa}, {=communes.csv:type:phuong}, {=communes.csv:type:thi_tran} or {=communes.csv:type:dac_khu}.',
    fix_vi:
      "Ghi xa cho xã, phuong cho phường, thi_tran cho thị trấn, dac_khu cho đặc khu (không dấu, chữ thường).",
    fix_en:
      "Write xa for a commune, phuong for a ward, thi_tran for a township, dac_khu for a special zone (ASCII, lower case).",
    example: "Xã",
    example_params: { value: "Xã" },
    workbook: { fix_vi: pickListVi, fix_en: pickListEn },
  },
  predecessor_code_format: {
    severity: "error",
    layer: "cell",
    message_vi:
      'Mã các đơn vị cũ "{value}" không hợp lệ; mỗi mã gồm đúng 5 chữ số, các mã cách nhau bởi dấu chấm phẩy (;).',
    message_en:
      'Predecessor codes "{value}" are not valid; each code is exactly 5 digits, codes separated by semicolons (;).',
    fix_vi:
      "Ghi mã 5 chữ số của từng đơn vị cũ hợp thành đơn vị này, ví dụ 11161;11164;11167; để trống nếu đơn vị không được sắp xếp lại.",
    fix_en:
      "Write the 5-digit code of each former unit this unit was formed from, e.g. 11161;11164;11167; leave blank if the unit was not rearranged.",
    example: "11161, 11164",
    example_params: { value: "11161, 11164" },
  },
  predecessor_unknown: {
    severity: "warning",
    layer: "cross_file",
    message_vi:
      'Đơn vị {unit_code} ({unit_name}) được ghi là hình thành từ đơn vị cũ mã {value} (cột "{column}" của {@communes.csv}), nhưng dữ liệu năm {previous_year} không có đơn vị nào mang mã này; trang của đơn vị sẽ không có số liệu năm trước của đơn vị cũ đó.',
    message_en:
      'Unit {unit_code} ({unit_name}) names former unit {value} in the "{column}" column of {@communes.csv}, but the data of {previous_year} have no unit with that code; the unit\'s page will show no previous-year figures for it.',
    fix_vi:
      "Đối chiếu mã với danh sách đơn vị năm {previous_year} (thường là gõ nhầm một chữ số) và sửa; nếu đơn vị cũ thuộc địa bàn khác, không có trong dữ liệu năm trước, có thể bỏ qua cảnh báo này.",
    fix_en:
      "Check the code against the list of units of {previous_year} (usually one digit mistyped) and correct it; if the former unit belonged to another area, absent from last year's data, this warning can be left.",
    example: "11199",
    example_params: {
      value: "11199",
      column: "predecessors",
      unit_code: "11173",
      unit_name: "Xã An Đức",
      previous_year: 2022,
    },
  },
  criterion_source: {
    severity: "error",
    layer: "cell",
    message_vi:
      'Nguồn điểm "{value}" không hợp lệ; chỉ nhận {=criteria.csv:source:appraisal}, {=criteria.csv:source:survey} hoặc để trống (tiêu chí cha).',
    message_en:
      'Source "{value}" is not valid; use {=criteria.csv:source:appraisal}, {=criteria.csv:source:survey}, or blank for a parent criterion.',
    fix_vi: "Ghi appraisal (thẩm định) hoặc survey (điều tra xã hội học) cho tiêu chí lá.",
    fix_en: "Write appraisal or survey for a leaf criterion.",
    example: "thẩm định",
    example_params: { value: "thẩm định" },
    workbook: { fix_vi: pickListVi, fix_en: pickListEn },
  },
  criterion_applies_to: {
    severity: "error",
    layer: "cell",
    message_vi:
      'Phạm vi áp dụng "{value}" không hợp lệ; chỉ nhận {=criteria.csv:applies_to:all}, {=criteria.csv:applies_to:xa}, {=criteria.csv:applies_to:phuong}, {=criteria.csv:applies_to:thi_tran}, {=criteria.csv:applies_to:dac_khu} hoặc để trống (= {=criteria.csv:applies_to:all}).',
    message_en:
      'Applies-to "{value}" is not valid; use {=criteria.csv:applies_to:all}, {=criteria.csv:applies_to:xa}, {=criteria.csv:applies_to:phuong}, {=criteria.csv:applies_to:thi_tran}, {=criteria.csv:applies_to:dac_khu}, or blank (= {=criteria.csv:applies_to:all}).',
    fix_vi:
      "Ghi all nếu áp dụng cho mọi đơn vị, hoặc xa, phuong, thi_tran, dac_khu nếu chỉ áp dụng cho một loại.",
    fix_en: "Write all for every unit, or xa / phuong / thi_tran / dac_khu for one type only.",
    example: "xã",
    example_params: { value: "xã" },
    workbook: { fix_vi: pickListVi, fix_en: pickListEn },
  },
  panel: {
    severity: "error",
    layer: "cell",
    message_vi:
      'Nhóm khảo sát "{value}" không hợp lệ; chỉ nhận {=questions.csv:panel:officials} hoặc {=questions.csv:panel:citizens}.',
    message_en:
      'Panel "{value}" is not valid; use {=questions.csv:panel:officials} or {=questions.csv:panel:citizens}.',
    fix_vi: "Ghi {=questions.csv:panel:officials} hoặc {=questions.csv:panel:citizens}.",
    fix_en: "Write {=questions.csv:panel:officials} or {=questions.csv:panel:citizens}.",
    example: "can_bo",
    example_params: { value: "can_bo" },
    workbook: { fix_vi: pickListVi, fix_en: pickListEn },
  },
  sipas_element: {
    severity: "error",
    layer: "cell",
    message_vi: 'Yếu tố hài lòng "{value}" không hợp lệ; chỉ nhận 1 đến 5 hoặc để trống.',
    message_en: 'Satisfaction element "{value}" is not valid; use 1 to 5 or blank.',
    fix_vi: "Ghi số yếu tố SIPAS (1 tiếp cận, 2 thủ tục, 3 công chức, 4 kết quả, 5 phản ánh) hoặc để trống.",
    fix_en:
      "Write the SIPAS element (1 access, 2 procedures, 3 civil servants, 4 results, 5 feedback) or leave blank.",
    example: "6",
    example_params: { value: "6" },
  },
  coefficient_range: {
    severity: "error",
    layer: "cell",
    message_vi: 'Hệ số "{value}" phải nằm trong khoảng 0 đến 1 (để trống nếu câu trả lời không được tính).',
    message_en: 'Coefficient "{value}" must be between 0 and 1 (blank if the answer is not counted).',
    fix_vi: "Nhập hệ số từ 0 đến 1, ví dụ 0,6; để trống cho phương án “không đánh giá được”.",
    fix_en: "Enter a coefficient from 0 to 1, e.g. 0.6; leave blank for “cannot assess”.",
    example: "60",
    example_params: { value: "60" },
    decimals: ["value"],
  },
  // ── dataset.json ─────────────────────────────────────────────────────────────────────────
  invalid_json: {
    severity: "error",
    layer: "file",
    message_vi: "dataset.json không phải JSON hợp lệ: {detail}.",
    message_en: "dataset.json is not valid JSON: {detail}.",
    fix_vi: "Sửa tệp bằng trình soạn thảo văn bản (không dùng Word); kiểm tra dấu phẩy, ngoặc và ngoặc kép.",
    fix_en: "Edit the file in a text editor (not Word); check commas, brackets and quotes.",
    example: '{"year": 2023,}',
    example_params: { detail: "Unexpected token }" },
  },
  dataset_field: {
    severity: "error",
    layer: "cell",
    message_vi: 'Trường "{column}" không hợp lệ ({detail_vi}).',
    message_en: 'Field "{column}" is not valid ({detail_en}).',
    fix_vi: "Sửa trường đó theo mô tả trong trang Hướng dẫn nhập liệu (/huong-dan/).",
    fix_en: "Correct the field as the editors' guide (/huong-dan/) describes it.",
    example: '"status": "draft"',
    example_params: {
      column: "status",
      detail_vi: "phải là một trong: sample, official",
      detail_en: "must be one of: sample, official",
    },
  },
  date_format: {
    severity: "error",
    layer: "cell",
    message_vi: 'Ngày "{value}" phải viết dạng năm-tháng-ngày (YYYY-MM-DD).',
    message_en: 'Date "{value}" must be written year-month-day (YYYY-MM-DD).',
    fix_vi: "Viết ngày dạng 2022-12-15.",
    fix_en: "Write the date as 2022-12-15.",
    example: "15/12/2022",
    example_params: { value: "15/12/2022" },
  },
  date_invalid: {
    severity: "error",
    layer: "cell",
    message_vi:
      'Ngày "{value}" không có trong lịch (tháng phải từ 01 đến 12, ngày không quá số ngày của tháng).',
    message_en:
      'Date "{value}" is not a day of the calendar (months run 01 to 12, days up to the length of the month).',
    fix_vi: "Kiểm tra lại ngày trên văn bản gốc và viết dạng năm-tháng-ngày, ví dụ 2024-02-29.",
    fix_en: "Check the date on the original document and write it year-month-day, e.g. 2024-02-29.",
    example: "2024-02-30",
    example_params: { value: "2024-02-30" },
  },
  date_out_of_range: {
    severity: "error",
    layer: "cell",
    message_vi: 'Ngày "{value}" nằm ngoài các năm {min}–{max}.',
    message_en: 'Date "{value}" is outside the years {min}–{max}.',
    fix_vi: "Kiểm tra lại năm (4 chữ số) trên văn bản gốc.",
    fix_en: "Check the year (4 digits) on the original document.",
    example: "0000-01-01",
    example_params: { value: "0000-01-01", min: 2000, max: 2100 },
  },
  number_out_of_range: {
    severity: "error",
    layer: "cell",
    message_vi: 'Số "{value}" nằm ngoài khoảng cho phép {range_vi}.',
    message_en: 'The number "{value}" is outside the allowed range {range_en}.',
    fix_vi: "Kiểm tra lại số đã nhập (có thể gõ thừa chữ số) và nhập một số trong khoảng {range_vi}.",
    fix_en: "Check the number entered (perhaps extra digits) and enter one within {range_en}.",
    example: "1000000",
    example_params: { value: "1000000", range_vi: "100–100.000", range_en: "100–100,000" },
  },
  duplicate_json_key: {
    severity: "error",
    layer: "cell",
    message_vi:
      'Trường "{column}" được viết hai lần; chỉ một giá trị được giữ nên không rõ giá trị nào đúng.',
    message_en:
      'The field "{column}" is written twice; only one value would be kept, so which one is meant is unclear.',
    fix_vi: "Mở dataset.json, giữ lại một dòng cho trường này với giá trị đúng và xóa dòng kia.",
    fix_en: "Open dataset.json, keep one line for this field with the right value and delete the other.",
    example: '"status": "sample", … "status": "official"',
    example_params: { column: "status" },
  },
  version_format: {
    severity: "error",
    layer: "cell",
    message_vi: 'Phiên bản "{value}" phải có dạng số.số.số (ví dụ 1.0.0).',
    message_en: 'Version "{value}" must look like number.number.number (e.g. 1.0.0).',
    fix_vi: "Ghi phiên bản dạng 1.0.0; mỗi lần đính chính tăng số cuối (1.0.1).",
    fix_en: "Write the version as 1.0.0; bump the last number for each correction (1.0.1).",
    example: "v1",
    example_params: { value: "v1" },
  },
  to_fill: {
    severity: "error",
    layer: "cell",
    message_vi: 'Chỗ này còn để "[cần điền]": "{value}".',
    message_en: 'This is still marked "[cần điền]" (to fill): "{value}".',
    fix_vi:
      'Thay "[cần điền]" bằng nội dung thật (tên tỉnh, huyện, cơ quan ban hành…) trong dataset.json; nếu không có huyện thì xóa cả mục "district".',
    fix_en:
      'Replace "[cần điền]" with the real text (the province, the district, the issuing body…) in dataset.json; with no district, remove the whole "district" entry.',
    example: "Tỉnh [cần điền]",
    example_params: { value: "Tỉnh [cần điền]" },
  },
  bands_order: {
    severity: "error",
    layer: "cell",
    message_vi: "Các nhóm xếp loại (bands) phải xếp theo min_pct giảm dần; nhóm {value} đứng sai thứ tự.",
    message_en: "The bands must be ordered by descending min_pct; band {value} is out of order.",
    fix_vi: "Xếp lại bands từ nhóm cao nhất (min_pct lớn nhất) đến thấp nhất.",
    fix_en: "Order the bands from the highest min_pct to the lowest.",
    example: "C (0) trước B (80)",
    example_params: { value: "B" },
  },
  bands_last_not_zero: {
    severity: "error",
    layer: "cell",
    message_vi: "Nhóm xếp loại cuối cùng ({value}) phải có min_pct = 0 để mọi đơn vị đều được xếp nhóm.",
    message_en: "The last band ({value}) must have min_pct 0 so every unit falls into a band.",
    fix_vi: "Đặt min_pct của nhóm cuối bằng 0.",
    fix_en: "Set the last band's min_pct to 0.",
    example: '"min_pct": 50',
    example_params: { value: "C" },
  },
  year_mismatch: {
    severity: "error",
    layer: "cross_file",
    message_vi: "{@dataset.json} ghi năm {value} nhưng thư mục là năm {expected}.",
    message_en: "{@dataset.json} says year {value} but the folder is for {expected}.",
    fix_vi: "Sửa trường year trong dataset.json hoặc đặt tệp vào đúng thư mục data/<năm>/.",
    fix_en: "Correct the year field in dataset.json or move the files to the right data/<year>/ folder.",
    example: '"year": 2022',
    example_params: { value: 2022, expected: 2023 },
    workbook: {
      fix_vi: "Sửa mục year trong {@dataset.json} cho đúng năm của dữ liệu.",
      fix_en: "Correct the year in {@dataset.json} to the data's year.",
    },
  },
  // ── across files ─────────────────────────────────────────────────────────────────────────
  duplicate_key: {
    severity: "error",
    layer: "cross_file",
    message_vi: "Trùng khóa {key}: giá trị này đã có ở dòng {first_line}.",
    message_en: "Duplicate {key}: this value already appears on line {first_line}.",
    fix_vi: "Xóa dòng lặp lại hoặc sửa lại mã cho đúng; mỗi {key} chỉ được xuất hiện một lần.",
    fix_en: "Delete the repeated row or correct the code; each {key} may appear only once.",
    example: "11161,1.1 (hai lần)",
    example_params: { key: "commune_code + criterion_id", first_line: 4 },
    columnLists: ["key"],
  },
  commune_slug_duplicate: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      'Tên "{value}" và tên "{first_name}" (dòng {first_line}) cho cùng một địa chỉ trang /xa/{slug}/, nên trang của đơn vị này sẽ đè lên trang của đơn vị kia.',
    message_en:
      'The names "{value}" and "{first_name}" (line {first_line}) give the same page address /xa/{slug}/, so one unit\'s page would overwrite the other\'s.',
    fix_vi:
      "Kiểm tra lại tên hai đơn vị (thường là gõ thiếu hoặc sai dấu, hoặc một đơn vị bị nhập hai lần) và sửa theo tên chính thức.",
    fix_en:
      "Check both units' names (usually a missing or wrong tone mark, or one unit entered twice) and correct them to the official names.",
    example: "Xã Hồng Du",
    example_params: { value: "Xã Hồng Du", first_name: "Xã Hồng Dụ", first_line: 5, slug: "hong-du" },
  },
  commune_slug_empty: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      'Tên "{value}" không có chữ cái hay chữ số nào ngoài "Xã", nên đơn vị này không có địa chỉ trang.',
    message_en: 'The name "{value}" has no letter or digit besides "Xã", so the unit gets no page address.',
    fix_vi: "Nhập tên chính thức của đơn vị bằng chữ, ví dụ Xã Hồng Dụ.",
    fix_en: "Enter the unit's official name in letters, e.g. Xã Hồng Dụ.",
    example: "Xã 🏛️",
    example_params: { value: "Xã 🏛️" },
  },
  duplicate_rating: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Người trả lời {value} đã đánh giá xã {commune} ở dòng {first_line}; mỗi người chỉ đánh giá mỗi xã một lần.",
    message_en:
      "Respondent {value} already rated commune {commune} on line {first_line}; each person rates a commune once.",
    fix_vi: "Xóa phiếu nhập trùng, hoặc sửa lại mã người trả lời / mã xã cho đúng phiếu giấy.",
    fix_en: "Delete the duplicate form, or correct the respondent id / commune code to match the paper form.",
    example: "CB-0007 → 11161 (hai phiếu)",
    example_params: { value: "CB-0007", commune: "11161", first_line: 12 },
  },
  respondent_group_changed: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Người trả lời {value} thuộc nhóm {expected} ở dòng {first_line} nhưng ở dòng này lại thuộc nhóm {found}.",
    message_en: "Respondent {value} is in group {expected} on line {first_line} but in group {found} here.",
    fix_vi: "Một người chỉ thuộc một nhóm; sửa cột {#survey-officials.csv:group} cho thống nhất.",
    fix_en: "A person belongs to one group; make the {#survey-officials.csv:group} column consistent.",
    example: "CB-0007: hdnd / phong",
    example_params: {
      value: "CB-0007",
      expected: "hdnd",
      found: "phong",
      expected_name: "Hội đồng nhân dân (hdnd)",
      found_name: "Lãnh đạo các phòng (phong)",
      first_line: 3,
    },
    // The sheet of groups names them; the officials' sheet holds their codes.
    workbook: {
      message_vi:
        "Người trả lời {value} thuộc nhóm {expected_name} ở dòng {first_line} nhưng ở dòng này lại thuộc nhóm {found_name}.",
      message_en:
        "Respondent {value} is in group {expected_name} on row {first_line} but in group {found_name} here.",
    },
  },
  unknown_commune: {
    severity: "error",
    layer: "cross_file",
    message_vi: 'Mã xã "{value}" không có trong {@communes.csv}.',
    message_en: 'Commune code "{value}" is not in {@communes.csv}.',
    fix_vi: "Sửa mã cho đúng mã 5 chữ số trong {@communes.csv} (định dạng cột là Văn bản để giữ số 0 đầu).",
    fix_en: "Use a 5-digit code listed in {@communes.csv} (format the column as Text to keep leading zeros).",
    example: "11999",
    example_params: { value: "11999" },
  },
  unknown_criterion: {
    severity: "error",
    layer: "cross_file",
    message_vi: 'Mã tiêu chí "{value}" không có trong {@criteria.csv}.',
    message_en: 'Criterion id "{value}" is not in {@criteria.csv}.',
    fix_vi:
      "Sửa mã tiêu chí cho đúng {@criteria.csv} (định dạng cột là Văn bản để Excel không đổi 1.10 thành 1.1).",
    fix_en:
      "Use an id from {@criteria.csv} (format the column as Text so Excel does not turn 1.10 into 1.1).",
    example: "9.9",
    example_params: { value: "9.9" },
  },
  unknown_group: {
    severity: "error",
    layer: "cross_file",
    message_vi: 'Nhóm "{value}" không phải nhóm {panel} trong {@groups.csv}.',
    message_en: 'Group "{value}" is not a {panel} group of {@groups.csv}.',
    fix_vi: "Ghi mã nhóm đúng như {@groups.csv} (ví dụ hdnd, ubnd, mttq, phong).",
    fix_en: "Use a group code from {@groups.csv} (e.g. hdnd, ubnd, mttq, phong).",
    example: "HĐND",
    example_params: { value: "HĐND", panel: "officials" },
    labels: { panel: ["groups.csv", "panel"] },
  },
  unknown_scale: {
    severity: "error",
    layer: "cross_file",
    message_vi: 'Thang đo "{value}" không có trong {@scales.csv}.',
    message_en: 'Scale "{value}" is not in {@scales.csv}.',
    fix_vi:
      "Sửa tên thang đo cho đúng {@scales.csv}, hoặc thêm các phương án của thang đo đó vào {@scales.csv}.",
    fix_en: "Use a scale listed in {@scales.csv}, or add that scale's options to {@scales.csv}.",
    example: "muc_do_5",
    example_params: { value: "muc_do_5" },
  },
  unknown_option: {
    severity: "error",
    layer: "cross_file",
    message_vi: 'Phương án "{value}" không có trong thang đo {scale} của câu {column} (chỉ nhận: {options}).',
    message_en: 'Option "{value}" is not in scale {scale} of question {column} (allowed: {options}).',
    fix_vi: "Nhập lại đúng ký hiệu phương án trên phiếu giấy; để trống nếu người trả lời bỏ qua câu hỏi.",
    fix_en: "Re-enter the option printed on the paper form; leave blank if the question was skipped.",
    example: "F",
    example_params: { value: "F", scale: "muc_do_4", column: "CB03", options: "A, B, C, D, E" },
  },
  criterion_orphan: {
    severity: "error",
    layer: "cross_file",
    message_vi: 'Tiêu chí "{value}" không có tiêu chí cha "{expected}" trong {@criteria.csv}.',
    message_en: 'Criterion "{value}" has no parent "{expected}" in {@criteria.csv}.',
    fix_vi: "Thêm dòng tiêu chí cha, hoặc sửa mã tiêu chí cho đúng nhánh.",
    fix_en: "Add the parent criterion's row, or correct the id to the right branch.",
    example: "3.9.1",
    example_params: { value: "3.9.1", expected: "3.9" },
  },
  criterion_sum_mismatch: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Điểm tối đa của tiêu chí {value} là {expected} nhưng tổng điểm tối đa của các tiêu chí con là {found}.",
    message_en:
      "Criterion {value} has {#criteria.csv:max_points} {expected} but its children's maxima sum to {found}.",
    fix_vi: "Sửa {#criteria.csv:max_points} của tiêu chí cha hoặc của các tiêu chí con cho khớp.",
    fix_en: "Correct {#criteria.csv:max_points} of the parent or of its children so they match.",
    example: "1 = 12 ≠ 11,5",
    example_params: { value: "1", expected: 12, found: 11.5 },
    decimals: ["expected", "found"],
  },
  domains_total: {
    severity: "error",
    layer: "cross_file",
    message_vi: "Tổng điểm tối đa của các lĩnh vực (cấp 1) là {found}, phải bằng 100.",
    message_en: "The domains' (top level) maxima sum to {found}; they must sum to 100.",
    fix_vi: "Sửa {#criteria.csv:max_points} của các lĩnh vực để tổng bằng 100.",
    fix_en: "Correct the domains' {#criteria.csv:max_points} so they sum to 100.",
    example: "",
    example_params: { found: 98 },
    decimals: ["found"],
  },
  leaf_without_source: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Tiêu chí lá {value} chưa ghi nguồn điểm ({=criteria.csv:source:appraisal} hoặc {=criteria.csv:source:survey}).",
    message_en:
      "Leaf criterion {value} has no source ({=criteria.csv:source:appraisal} or {=criteria.csv:source:survey}).",
    fix_vi:
      "Ghi {=criteria.csv:source:appraisal} hoặc {=criteria.csv:source:survey} vào cột {#criteria.csv:source} của tiêu chí này.",
    fix_en:
      "Write {=criteria.csv:source:appraisal} or {=criteria.csv:source:survey} in this criterion's {#criteria.csv:source} column.",
    example: "1.3,…,1,,all",
    example_params: { value: "1.3" },
  },
  inner_with_source: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Tiêu chí {value} có tiêu chí con nên cột {#criteria.csv:source} phải để trống (đang là {found}).",
    message_en:
      "Criterion {value} has children, so its {#criteria.csv:source} must be blank (it is {found}).",
    fix_vi: "Xóa giá trị trong cột {#criteria.csv:source} của tiêu chí cha.",
    fix_en: "Clear the {#criteria.csv:source} cell of the parent criterion.",
    example: "1,…,12,appraisal,all",
    example_params: { value: "1", found: "appraisal" },
    labels: { found: ["criteria.csv", "source"] },
  },
  not_an_appraisal_leaf: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Tiêu chí {value} không phải tiêu chí lá chấm bằng thẩm định nên không được có điểm trong {@appraisal.csv}.",
    message_en: "Criterion {value} is not an appraisal leaf, so it cannot be scored in {@appraisal.csv}.",
    fix_vi:
      "Chỉ nhập điểm cho tiêu chí lá có {#criteria.csv:source} = {=criteria.csv:source:appraisal}; xóa dòng này hoặc sửa mã tiêu chí.",
    fix_en:
      "Score only leaves whose {#criteria.csv:source} is {=criteria.csv:source:appraisal}; delete this row or correct the criterion id.",
    example: "11161,1 (tiêu chí cha)",
    example_params: { value: "1" },
  },
  appraisal_not_applicable: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Tiêu chí {value} chỉ áp dụng cho {applies_to}, không áp dụng cho {commune} ({commune_type}).",
    message_en: "Criterion {value} applies only to {applies_to}, not to {commune} ({commune_type}).",
    fix_vi: "Xóa dòng này; đơn vị không bị chấm tiêu chí không áp dụng cho loại đơn vị của mình.",
    fix_en: "Delete this row; a unit is not scored on a criterion that does not apply to its type.",
    example: "11161,4.3 (chỉ cho thị trấn)",
    example_params: { value: "4.3", applies_to: "thi_tran", commune: "11161", commune_type: "xa" },
    // "thi_tran" as the unit type it names ("Thị trấn"), not as the drop-down's "Chỉ thị trấn".
    labels: { applies_to: ["communes.csv", "type"], commune_type: ["communes.csv", "type"] },
  },
  appraisal_to_fill: {
    severity: "error",
    layer: "cross_file",
    message_vi: "Chưa nhập điểm nào: còn {units} đơn vị × {criteria} tiêu chí chấm điểm cần điền.",
    message_en: "No score entered yet: {units} units × {criteria} appraised criteria are still to fill.",
    fix_vi:
      "Nhập điểm tự chấm và điểm thẩm định, mỗi dòng một đơn vị và một tiêu chí ({#appraisal.csv:commune_code}, {#appraisal.csv:criterion_id}), hoặc điền vào tệp Excel mẫu tải ở trang Hướng dẫn.",
    fix_en:
      "Enter the self and appraised scores, one row per unit and criterion ({#appraisal.csv:commune_code}, {#appraisal.csv:criterion_id}), or fill them in the Excel template from the Guide page.",
    example: "",
    example_params: { units: 20, criteria: 42 },
  },
  appraisal_missing: {
    severity: "error",
    layer: "cross_file",
    message_vi: "Thiếu điểm thẩm định của {commune} ({name}) cho tiêu chí {criterion}.",
    message_en: "No appraisal score for {commune} ({name}) on criterion {criterion}.",
    fix_vi:
      "Thêm một dòng {#appraisal.csv:commune_code} = {commune}, {#appraisal.csv:criterion_id} = {criterion} với điểm tự chấm và điểm thẩm định.",
    fix_en:
      "Add a row {#appraisal.csv:commune_code} = {commune}, {#appraisal.csv:criterion_id} = {criterion} with its self and appraised scores.",
    example: "",
    example_params: { commune: "11161", name: "Xã Ứng Hòe", criterion: "2.1" },
  },
  score_above_max: {
    severity: "error",
    layer: "cross_file",
    message_vi: "Điểm {value} lớn hơn điểm tối đa {max} của tiêu chí {criterion}.",
    message_en: "Score {value} is above criterion {criterion}'s maximum of {max}.",
    fix_vi: "Sửa điểm trong khoảng 0 đến {max}.",
    fix_en: "Enter a score between 0 and {max}.",
    example: "3,5",
    example_params: { value: "3.5", max: 3, criterion: "1.1" },
    decimals: ["value", "max"],
  },
  question_not_survey_leaf: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Câu hỏi tính điểm cho tiêu chí {value}, nhưng đó không phải tiêu chí lá có {#criteria.csv:source} = {=criteria.csv:source:survey}.",
    message_en:
      "The question scores criterion {value}, which is not a leaf whose {#criteria.csv:source} is {=criteria.csv:source:survey}.",
    fix_vi:
      "Sửa {#questions.csv:criterion_id} cho đúng tiêu chí lá điều tra, hoặc để trống nếu câu hỏi không tính điểm.",
    fix_en:
      "Point {#questions.csv:criterion_id} at a survey leaf, or leave it blank if the question scores nothing.",
    example: "CB05,officials,1.1,…",
    example_params: { value: "1.1" },
  },
  survey_leaf_without_question: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Tiêu chí điều tra {value} chưa có câu hỏi nào trong {@questions.csv} nên không tính được điểm.",
    message_en: "Survey criterion {value} has no question in {@questions.csv}, so it cannot be scored.",
    fix_vi: "Thêm ít nhất một câu hỏi có {#questions.csv:criterion_id} = {value} vào {@questions.csv}.",
    fix_en: "Add at least one question with {#questions.csv:criterion_id} = {value} to {@questions.csv}.",
    example: "",
    example_params: { value: "8.2" },
  },
  no_citizen_forms: {
    severity: "error",
    layer: "cross_file",
    message_vi: "Không có phiếu khảo sát người dân nào của {commune} ({name}).",
    message_en: "There is no citizens' form for {commune} ({name}).",
    fix_vi:
      "Nhập các phiếu người dân của đơn vị này vào {@survey-citizens.csv} (kiểm tra mã xã đủ 5 chữ số).",
    fix_en: "Enter this unit's citizens' forms in {@survey-citizens.csv} (check the 5-digit commune code).",
    example: "",
    example_params: { commune: "11161", name: "Xã Ứng Hòe" },
  },
  no_officials_forms: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Không có phiếu cán bộ nào đánh giá {commune} ({name}) nên không tính được điểm điều tra của cán bộ.",
    message_en:
      "No officials' form rates {commune} ({name}), so the officials' survey points cannot be computed.",
    fix_vi: "Nhập các phiếu cán bộ đánh giá đơn vị này vào {@survey-officials.csv}.",
    fix_en: "Enter the officials' forms rating this unit in {@survey-officials.csv}.",
    example: "",
    example_params: { commune: "11161", name: "Xã Ứng Hòe" },
  },
  forms_below_quota: {
    severity: "warning",
    layer: "cross_file",
    message_vi: "{commune} ({name}) có {found} phiếu người dân, ít hơn chỉ tiêu {expected} phiếu.",
    message_en: "{commune} ({name}) has {found} citizens' forms, fewer than the quota of {expected}.",
    fix_vi:
      "Không bắt buộc sửa; trang công khai sẽ ghi chú số phiếu thiếu. Nhập thêm phiếu nếu còn phiếu giấy chưa nhập.",
    fix_en: "No fix needed; the site notes the shortfall. Enter more forms if paper forms remain.",
    example: "",
    example_params: { commune: "11161", name: "Xã Ứng Hòe", found: 57, expected: 60 },
  },
  respondents_above_planned: {
    severity: "error",
    layer: "cross_file",
    message_vi: "Nhóm {value} có {found} người trả lời, nhiều hơn số dự kiến {expected} trong {@groups.csv}.",
    message_en: "Group {value} has {found} respondents, more than the {expected} planned in {@groups.csv}.",
    fix_vi:
      "Kiểm tra {#survey-officials.csv:respondent_id} bị gõ sai, hoặc sửa {#groups.csv:planned} trong {@groups.csv}.",
    fix_en:
      "Look for mistyped {#survey-officials.csv:respondent_id} cells, or correct {#groups.csv:planned} in {@groups.csv}.",
    example: "",
    example_params: { value: "ubnd", found: 4, expected: 3, group_name: "Ủy ban nhân dân (ubnd)" },
    workbook: {
      message_vi:
        "Nhóm {group_name} có {found} người trả lời, nhiều hơn số dự kiến {expected} trong {@groups.csv}.",
      message_en:
        "Group {group_name} has {found} respondents, more than the {expected} planned in {@groups.csv}.",
    },
  },
  respondents_below_planned: {
    severity: "warning",
    layer: "cross_file",
    message_vi: "Nhóm {value} có {found} người trả lời, ít hơn số dự kiến {expected}.",
    message_en: "Group {value} has {found} respondents, fewer than the {expected} planned.",
    fix_vi: "Không bắt buộc sửa; kiểm tra đã nhập đủ phiếu của nhóm này chưa.",
    fix_en: "No fix needed; check that every form of this group was entered.",
    example: "",
    example_params: { value: "hdnd", found: 28, expected: 30, group_name: "Hội đồng nhân dân (hdnd)" },
    workbook: {
      message_vi: "Nhóm {group_name} có {found} người trả lời, ít hơn số dự kiến {expected}.",
      message_en: "Group {group_name} has {found} respondents, fewer than the {expected} planned.",
    },
  },
  leaf_unanswerable: {
    severity: "error",
    layer: "cross_file",
    message_vi:
      "Tiêu chí {criterion} của {commune} ({name}) không có câu trả lời hợp lệ nào (chỉ có ô trống hoặc “không đánh giá được”), nên không tính được chỉ số.",
    message_en:
      "Criterion {criterion} of {commune} ({name}) has no valid answer (only blanks or “cannot assess”), so the index cannot be computed.",
    fix_vi: "Kiểm tra các phiếu của đơn vị này cho câu hỏi {questions}: nhập đủ câu trả lời từ phiếu giấy.",
    fix_en: "Check this unit's forms for questions {questions}: enter the answers from the paper forms.",
    example: "",
    example_params: { criterion: "1.3", commune: "11161", name: "Xã Ứng Hòe", questions: "CB03, CB04" },
  },
  // ── {@plan.csv}: the steps of the year's plan ──────────────────────────────────────────────────
  plan_step_unknown: {
    severity: "error",
    layer: "cell",
    message_vi: 'Số bước "{value}" không có trong kế hoạch; kế hoạch có các bước từ 1 đến 7.',
    message_en: 'Step number "{value}" is not in the plan; the plan has steps 1 to 7.',
    fix_vi: "Ghi số thứ tự của bước như trong mục II của kế hoạch (chỉ một chữ số, từ 1 đến 7).",
    fix_en: "Write the step's number as in part II of the plan (a single digit, 1 to 7).",
    example: "8",
    example_params: { value: "8" },
  },
  plan_date_format: {
    severity: "error",
    layer: "cell",
    message_vi: 'Ô "{value}" không phải là một ngày viết dạng ngày/tháng/năm hoặc năm-tháng-ngày.',
    message_en: 'The cell "{value}" is not a date written day/month/year or year-month-day.',
    fix_vi:
      "Ghi ngày dạng 31/12/2023 (hoặc 2023-12-31). Nếu kế hoạch ghi theo tháng (ví dụ “Tháng 01/2024”), ghi ngày đầu tháng vào {#plan.csv:planned_start} và ngày cuối tháng vào {#plan.csv:planned_end}.",
    fix_en:
      "Write the date as 31/12/2023 (or 2023-12-31). When the plan gives a month (e.g. “Tháng 01/2024”), write its first day as {#plan.csv:planned_start} and its last day as {#plan.csv:planned_end}.",
    example: "Tháng 01/2024",
    example_params: { value: "Tháng 01/2024" },
  },
  plan_end_before_start: {
    severity: "error",
    layer: "row",
    message_vi: "Hạn hoàn thành {value} sớm hơn ngày bắt đầu {start} của cùng bước.",
    message_en: "The deadline {value} is earlier than the same step's start {start}.",
    fix_vi:
      "Kiểm tra hai ô {#plan.csv:planned_start} và {#plan.csv:planned_end} của dòng này (có thể đã đảo ngày và tháng).",
    fix_en:
      "Check the {#plan.csv:planned_start} and {#plan.csv:planned_end} cells of this row (day and month may be swapped).",
    example: "01/12/2023",
    example_params: { value: "01/12/2023", start: "31/12/2023" },
  },
  plan_done_before_start: {
    severity: "error",
    layer: "row",
    message_vi: "Ngày hoàn thành {value} sớm hơn ngày bắt đầu {start} theo kế hoạch.",
    message_en: "The date done {value} is earlier than the planned start {start}.",
    fix_vi:
      "Kiểm tra ô {#plan.csv:done_on} (có thể đã đảo ngày và tháng, hoặc nhầm năm); một bước không thể xong trước khi bắt đầu.",
    fix_en:
      "Check the {#plan.csv:done_on} cell (day and month may be swapped, or the year wrong); a step cannot end before it starts.",
    example: "05/11/2023",
    example_params: { value: "05/11/2023", start: "01/12/2023" },
  },
  plan_step_missing: {
    severity: "error",
    layer: "row",
    message_vi: "Thiếu bước {steps} của kế hoạch; mỗi bước từ 1 đến 7 phải có đúng một dòng.",
    message_en: "Step(s) {steps} of the plan are missing; each step 1 to 7 needs exactly one row.",
    fix_vi:
      "Thêm một dòng cho mỗi bước còn thiếu, chép tên bước, cơ quan chủ trì, phối hợp và thời gian từ kế hoạch; để trống {#plan.csv:done_on} nếu bước chưa xong.",
    fix_en:
      "Add a row for each missing step, copying its title, lead and partner bodies and timing from the plan; leave {#plan.csv:done_on} blank if it is not done yet.",
    example: "",
    example_params: { steps: "6, 7" },
  },
} as const satisfies Record<string, ProblemDefinition>;

export type ProblemCode = keyof typeof catalogue;

/** A value a template shows: text or a number, printed as given. */
type TemplateValue = string | number;

/**
 * The `{name}` placeholders of a template, as a union of names (`never` for a plain `string`);
 * `{@file}`, `{#column}` and `{=file:column:code}` name inputs and take no param.
 */
export type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${"@" | "#" | "="}${string}` ? never : Name) | Placeholders<Rest>
  : never;

/** What a template needs: a value for each of its placeholders. */
export type TemplateParams<T extends string> = { [K in Placeholders<T>]: TemplateValue };

/** Placeholders every problem can fill from its location; params may still give them. */
type LocationPlaceholder = "file" | "column" | "value";

/** A code's workbook wording, as a union of its templates. */
type WorkbookTemplates<C extends ProblemCode> = (typeof catalogue)[C] extends { workbook: infer W }
  ? W[keyof W] & string
  : never;

/** The placeholders of a code's templates, taken one by one: a union with a plain `string` would be `string`. */
type ProblemPlaceholders<C extends ProblemCode> =
  | Placeholders<(typeof catalogue)[C]["message_vi"]>
  | Placeholders<(typeof catalogue)[C]["message_en"]>
  | Placeholders<(typeof catalogue)[C]["fix_vi"]>
  | Placeholders<(typeof catalogue)[C]["fix_en"]>
  | Placeholders<WorkbookTemplates<C>>;

/**
 * The params of one code: one value for each placeholder its four templates name, beside the
 * location's file, column and value. `problem("too_many_decimals", at, { places: 2 })` compiles;
 * a missing or misspelt name does not. For a code only known at run time (a Zod issue's message),
 * the union of every code's params.
 */
export type ProblemParams<C extends ProblemCode> = C extends ProblemCode
  ? { [K in Exclude<ProblemPlaceholders<C>, LocationPlaceholder>]: TemplateValue } & {
      [K in LocationPlaceholder]?: TemplateValue;
    }
  : never;

export interface ProblemLocation {
  file: string;
  line: number | null;
  column?: string | null;
  value?: string | null;
}

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(catalogue, code);
}

/**
 * How messages name the inputs: the CSV files and their columns, or a workbook's sheets and the
 * headers they use. Problems are made in the files' words (`problem()`); a workbook's report says
 * them again in its own (`inWords`).
 */
export interface InputWords {
  /** Whether the inputs are a workbook's sheets: values are then shown as Excel shows them. */
  readonly workbook: boolean;
  /** Where a problem is: "{@communes.csv}", or the sheet "Danh sách xã". */
  name(file: string): string;
  /** An input as a sentence refers to it: "{@communes.csv}", or "trang tính Danh sách xã". */
  reference(file: string, lang: "vi" | "en"): string;
  /** A column of an input as its header reads. */
  column(file: string, column: string): string;
  /** A code of a coded column as the input writes it: `thi_tran`, or "Thị trấn". */
  label(file: string, column: string, code: string): string;
}

export const csvWords: InputWords = {
  workbook: false,
  name: (file) => file,
  reference: (file) => file,
  column: (_file, column) => column,
  label: (_file, _column, code) => code,
};

/** A workbook's words: each input's sheet and headers as read (`sheets`), else the template's. */
export function workbookWords(
  sheets: Readonly<Record<string, { sheet: string; columns: Readonly<Record<string, string>> }>>,
): InputWords {
  const title = (file: string) => sheets[file]?.sheet ?? wordsOf(file)?.title ?? file;
  return {
    workbook: true,
    name: (file) => sheets[file]?.sheet ?? file,
    reference: (file, lang) => (lang === "vi" ? `trang tính ${title(file)}` : `the sheet “${title(file)}”`),
    // A sheet headed by the contract's names keeps them; an input without a sheet, the template's.
    column: (file, column) =>
      (sheets[file] ? sheets[file].columns[column] : wordsOf(file)?.columns[column]) ?? column,
    label: (file, column, code) => wordsOf(file)?.values?.[column]?.[code] ?? code,
  };
}

/**
 * The report line standing for the problems of one kind it does not list one by one:
 * "và 199.950 lỗi cùng loại" / "and 199,950 more of the same kind".
 */
export function moreOfTheSameKind(count: number, severity: Severity, lang: "vi" | "en"): string {
  if (lang === "en") return `and ${count.toLocaleString("en-US")} more of the same kind`;
  return `và ${count.toLocaleString("vi-VN")} ${severity === "error" ? "lỗi" : "cảnh báo"} cùng loại`;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fillTemplate<T extends string>(template: T, params: TemplateParams<T>): string {
  const values: Partial<Record<string, TemplateValue>> = params;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Names the inputs a template refers to in these words: `{@file}`, `{#column}` (of `file`),
 * `{#file:column}` and a code `{=file:column:code}`.
 */
export function fillInputWords(template: string, file: string, words: InputWords, lang: "vi" | "en"): string {
  return template
    .replace(/\{@([\w.-]+)\}/g, (_, named: string) => words.reference(named, lang))
    .replace(/\{#(?:([\w.-]+):)?(\w+)\}/g, (_, named: string | undefined, column: string) =>
      words.column(named ?? file, column),
    )
    .replace(/\{=([\w.-]+):(\w+):(\w+)\}/g, (_, named: string, column: string, code: string) =>
      words.label(named, column, code),
    );
}

/** A value as a sentence quotes it: one of 400 digits by its start only. */
export function quoted(value: string): string {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value;
}

type Params = Readonly<Record<string, TemplateValue>>;

/**
 * A param as the words show it: in a workbook, a decimal comma, a code's Vietnamese label and
 * columns by their headers.
 */
function shown(
  definition: ProblemDefinition,
  name: string,
  value: TemplateValue,
  file: string,
  words: InputWords,
): TemplateValue {
  if (!words.workbook) return value;
  if (definition.decimals?.includes(name)) return String(value).replace(/^(-?\d+)\.(\d+)$/, "$1,$2");
  if (definition.columnLists?.includes(name))
    return String(value)
      .split(/(\s*[,+]\s*)/)
      .map((part, i) => (i % 2 === 1 ? part : words.column(file, part)))
      .join("");
  const coded = definition.labels?.[name];
  return coded ? words.label(coded[0], coded[1], String(value)) : value;
}

type TemplatePart = "message_vi" | "message_en" | "fix_vi" | "fix_en";

/** One template of a code filled with these (already shown) params, naming inputs in these words. */
export function definitionText(
  definition: ProblemDefinition,
  part: TemplatePart,
  params: Params,
  file: string,
  words: InputWords,
): string {
  const template = (words.workbook ? definition.workbook?.[part] : undefined) ?? definition[part];
  return fillTemplate<string>(
    fillInputWords(template, file, words, part.endsWith("_en") ? "en" : "vi"),
    params,
  );
}

/** A code's message and fix in both languages, at a file, in these words. */
function messages(
  definition: ProblemDefinition,
  params: Params,
  file: string,
  words: InputWords,
): Pick<Problem, "message_vi" | "message_en"> {
  const values: Record<string, TemplateValue> = {};
  for (const [name, value] of Object.entries(params))
    values[name] = shown(definition, name, value, file, words);
  const text = (part: TemplatePart) => definitionText(definition, part, values, file, words);
  return {
    message_vi: `${text("message_vi")} Cách sửa: ${text("fix_vi")}`,
    message_en: `${text("message_en")} Fix: ${text("fix_en")}`,
  };
}

/** Builds the Problem for a code at a location; `value` and `file` are also available to templates. */
export function problem<C extends ProblemCode>(
  code: C,
  at: ProblemLocation,
  ...[params]: object extends ProblemParams<C> ? [params?: ProblemParams<C>] : [params: ProblemParams<C>]
): Problem {
  const definition: ProblemDefinition = catalogue[code];
  const value = at.value ?? null;
  const all: Params = { file: at.file, column: at.column ?? "", value: quoted(value ?? ""), ...params };
  return {
    file: at.file,
    line: at.line,
    column: at.column ?? null,
    value,
    code,
    severity: definition.severity,
    ...messages(definition, all, at.file, csvWords),
    params: all,
  };
}

/**
 * The problem said in other words (a workbook's): its file, column and value as the editor sees
 * them, and its message made again from its params. One not made by `problem()` keeps its text.
 */
export function inWords(p: Problem, words: InputWords): Problem {
  const column = p.column === null ? null : words.column(p.file, p.column);
  const named = { ...p, file: words.name(p.file), column };
  if (p.params === undefined || !isProblemCode(p.code)) return named;
  const definition: ProblemDefinition = catalogue[p.code];
  const label = (value: string) => (p.column === null ? value : words.label(p.file, p.column, value));
  const value = p.value === null ? null : label(String(shown(definition, "value", p.value, p.file, words)));
  const params = {
    ...p.params,
    file: named.file,
    column: words.column(p.file, String(p.params.column ?? "")),
    value: label(String(p.params.value ?? "")),
  };
  return { ...named, value, ...messages(definition, params, p.file, words) };
}

/**
 * What stops a command other than a validation problem, said to whoever runs it (the build,
 * `release`, `template`): a frozen release that no longer matches its manifest, a release history
 * that does not hold together, the build lock, and the system's failures (a full disk, a read-only
 * folder, a missing file, no permission, no git) with the path and what to do. Each is thrown as a
 * CommandError carrying its code and params, and printed in one language (`--lang`).
 */
export const commandMessages = {
  // ── frozen releases (pipeline/publish/releases.ts) ────────────────────────────────────────
  release_changed_without_version: {
    message_vi:
      '{folder}: phiên bản {version} đã công bố khác với dữ liệu hiện tại ({tables}). Khi sửa dữ liệu, hãy tăng "version" trong dataset.json và ghi lý do vào "releases".',
    message_en:
      '{folder}: release {version} was published with different tables ({tables}) than the data now give. When the data are corrected, bump "version" in dataset.json and give the reason in "releases".',
  },
  release_file_missing: {
    message_vi:
      "Thiếu tệp {file} của phiên bản đã phát hành {version}. Một phiên bản đã phát hành không được sửa: lấy lại các tệp đã lưu từ git (git checkout -- {folder}) rồi chạy lại.",
    message_en:
      "The file {file} of the frozen release {version} is missing. A release is never changed: restore the frozen files from git (git checkout -- {folder}), then run again.",
  },
  release_file_changed: {
    message_vi:
      "Tệp {file} của phiên bản đã phát hành {version} đã bị sửa (mã sha256 không khớp với dataset.json của phiên bản). Không tăng phiên bản để né lỗi này: lấy lại các tệp đã lưu từ git (git checkout -- {folder}) rồi chạy lại.",
    message_en:
      "The file {file} of the frozen release {version} was changed after it was frozen (its sha256 does not match the release's dataset.json). Do not bump the version to get past this: restore the frozen files from git (git checkout -- {folder}), then run again.",
  },
  release_manifest_damaged: {
    message_vi:
      "Tệp {file} của phiên bản đã phát hành {version} bị hỏng ({detail}). Lấy lại các tệp đã lưu từ git (git checkout -- {folder}) rồi chạy lại.",
    message_en:
      "The file {file} of the frozen release {version} is damaged ({detail}). Restore the frozen files from git (git checkout -- {folder}), then run again.",
  },
  release_not_built: {
    message_vi: '{folder} là phiên bản {published}, dữ liệu là {version}: chạy "npm run build" trước.',
    message_en: '{folder} holds release {published}, the data are {version}: run "npm run build" first.',
  },
  release_input_changed: {
    message_vi: '{file} đã thay đổi sau lần công bố: chạy "npm run build" trước.',
    message_en: '{file} changed after it was published: run "npm run build" first.',
  },
  release_published_incomplete: {
    message_vi:
      'Tệp đã công bố {file} bị thiếu hoặc khác với dataset.json đã công bố: chạy lại "npm run build" rồi chạy lại lệnh release.',
    message_en:
      'The published file {file} is missing or does not match the published dataset.json: run "npm run build" again, then release again.',
  },
  release_rewrite_refused: {
    message_vi: "{folder} đã có và khác ({tables}); một phiên bản đã phát hành không được sửa.",
    message_en: "{folder} is already frozen with different tables ({tables}); a release is never rewritten.",
  },
  // ── the release history of dataset.json ───────────────────────────────────────────────────
  release_entry_missing: {
    message_vi:
      '{file}: phiên bản {version} chưa có mục trong "releases". Thêm một mục có "version": "{version}", "date", "kind" và "reason" (với bản đính chính: "kind": "correction" và "communes").',
    message_en:
      '{file}: version {version} has no entry in "releases". Add one with "version": "{version}", "date", "kind" and "reason" (for a correction: "kind": "correction" and "communes").',
  },
  release_entry_repeated: {
    message_vi:
      '{file}: phiên bản {version} có {count} mục trong "releases"; chỉ giữ một mục cho mỗi phiên bản.',
    message_en: '{file}: version {version} has {count} entries in "releases"; keep one entry per version.',
  },
  release_entry_ahead: {
    message_vi:
      '{file}: "releases" có mục cho phiên bản {entry}, sau phiên bản hiện tại {version}. Sửa "version" thành {entry}, hoặc sửa số phiên bản của mục đó.',
    message_en:
      '{file}: "releases" has an entry for version {entry}, after the current version {version}. Set "version" to {entry}, or correct that entry\'s version.',
  },
  release_version_lowered: {
    message_vi:
      '{file}: phiên bản {version} thấp hơn phiên bản {earlier} đã phát hành. Số phiên bản chỉ tăng: đặt "version" cao hơn {earlier} (ví dụ tăng số cuối).',
    message_en:
      '{file}: version {version} is lower than the released {earlier}. Versions only go up: set "version" above {earlier} (e.g. bump its last number).',
  },
  release_entries_out_of_order: {
    message_vi:
      '{file}: trong "releases", mục {version} đứng sau mục {earlier}. Xếp các mục theo thứ tự phiên bản tăng dần, mỗi phiên bản một lần.',
    message_en:
      '{file}: in "releases", the entry {version} comes after {earlier}. List the entries in ascending version order, each version once.',
  },
  release_correction_unknown_commune: {
    message_vi:
      '{file}: bản đính chính {version} nêu xã mã {commune}, không có trong communes.csv. Sửa mã xã trong "communes" (5 chữ số, như trong communes.csv).',
    message_en:
      '{file}: the correction {version} names commune code {commune}, which is not in communes.csv. Correct the code in "communes" (5 digits, as in communes.csv).',
  },
  release_correction_too_early: {
    message_vi:
      '{file}: bản đính chính {version} ghi ngày {date}, trước ngày {earlier_date} của phiên bản {earlier} mà nó đính chính. Sửa "date" của mục này.',
    message_en:
      '{file}: the correction {version} is dated {date}, before {earlier_date}, the date of the release {earlier} it corrects. Correct the entry\'s "date".',
  },
  // ── the build lock (pipeline/publish/build-lock.ts) ───────────────────────────────────────
  lock_held: {
    message_vi:
      "Một lần dựng trang khác đang chạy (tiến trình {pid} trên máy {host}, từ {since}); đợi nó xong rồi chạy lại. Nếu chắc chắn không còn lần dựng nào chạy, xóa khóa bằng lệnh: rm {lock}",
    message_en:
      "Another build is running (process {pid} on {host}, since {since}); wait for it to finish, then run again. If you are sure no build is running, remove the lock: rm {lock}",
  },
  lock_taken_over: {
    message_vi: "Khóa {lock} còn lại từ một lần dựng đã dừng ({holder}); lần dựng này tiếp quản khóa.",
    message_en: "The lock {lock} was left by a build that stopped ({holder}); this build takes it over.",
  },
  output_not_previous: {
    message_vi:
      "{path} không phải thư mục kết quả của một lần chạy trước nên không bị ghi đè. Chọn thư mục kết quả khác (--out, --out-dir), hoặc tự xóa thư mục đó nếu chắc chắn không cần.",
    message_en:
      "{path} is not the output of an earlier run, so it is not replaced. Choose another output folder (--out, --out-dir), or remove that folder yourself if you are sure it is not needed.",
  },
  // ── the system ────────────────────────────────────────────────────────────────────────────
  disk_full: {
    message_vi:
      "Ổ đĩa đã đầy khi ghi {path}. Giải phóng dung lượng (xóa tệp không cần, thư mục tạm) rồi chạy lại; kết quả trước vẫn giữ nguyên.",
    message_en:
      "The disk is full (writing {path}). Free some space (unneeded files, temporary folders), then run again; the previous output is unchanged.",
  },
  read_only: {
    message_vi:
      "{path} nằm trên ổ chỉ đọc, không ghi được. Chạy lệnh trong một thư mục ghi được, hoặc chọn thư mục kết quả khác (--out, --out-dir).",
    message_en:
      "{path} is on a read-only file system and cannot be written. Run the command in a writable folder, or choose another output folder (--out, --out-dir).",
  },
  permission_denied: {
    message_vi:
      "Không có quyền truy cập {path}. Xem quyền bằng lệnh ls -ld {path}; chạy bằng tài khoản sở hữu thư mục, hoặc chọn thư mục khác.",
    message_en:
      "No permission to access {path}. See its permissions with ls -ld {path}; run as the account that owns the folder, or choose another folder.",
  },
  path_missing: {
    message_vi: "Không tìm thấy {path}. Kiểm tra đường dẫn (--data, --out, --published) rồi chạy lại.",
    message_en: "{path} was not found. Check the path (--data, --out, --published), then run again.",
  },
  build_time_missing: {
    message_vi:
      "Không xác định được thời điểm dựng: thời điểm ghi trong các tệp lấy từ commit git của dự án, không lấy từ đồng hồ. Chạy lệnh trong bản sao git của dự án (git clone), hoặc đặt SOURCE_DATE_EPOCH=<số giây>.",
    message_en:
      "No build time: the time stamped in the files comes from the project's git commit, never the clock. Run the command in a git clone of the project, or set SOURCE_DATE_EPOCH=<seconds>.",
  },
  build_time_invalid: {
    message_vi: "SOURCE_DATE_EPOCH phải là số giây nguyên (ví dụ 1704067200), không phải {value}.",
    message_en: "SOURCE_DATE_EPOCH must be whole seconds (e.g. 1704067200), not {value}.",
  },
  publish_private_column: {
    message_vi:
      '{file}: cột "{column}" là dữ liệu riêng của phiếu khảo sát, không bao giờ được công bố; chưa công bố gì.',
    message_en: '{file}: column "{column}" is private survey data, never published; nothing was published.',
  },
  publish_undeclared_column: {
    message_vi:
      '{file}: cột "{column}" không có trong mẫu dữ liệu (schemas/publication.ts) nên không được công bố; chưa công bố gì.',
    message_en:
      '{file}: column "{column}" is not declared public in the data contract (schemas/publication.ts); nothing was published.',
  },
} as const;

export type CommandCode = keyof typeof commandMessages;

/** The params of one code: a value for each placeholder of its two messages. */
export type CommandParams<C extends CommandCode> = TemplateParams<(typeof commandMessages)[C]["message_vi"]> &
  TemplateParams<(typeof commandMessages)[C]["message_en"]>;

/**
 * A command stopped for a known reason: `messageIn(lang)` is the sentence to print; `message` is
 * the Vietnamese and the English text joined by " / ", for logs and errors rethrown elsewhere.
 */
export class CommandError<C extends CommandCode = CommandCode> extends Error {
  override name = "CommandError";
  readonly code: C;
  readonly params: CommandParams<C>;

  constructor(code: C, params: CommandParams<C>) {
    super(`${commandMessage(code, params, "vi")} / ${commandMessage(code, params, "en")}`);
    this.code = code;
    this.params = params;
  }

  messageIn(lang: "vi" | "en"): string {
    return commandMessage(this.code, this.params, lang);
  }
}

/** The sentence of a command code in one language. */
export function commandMessage<C extends CommandCode>(
  code: C,
  params: CommandParams<C>,
  lang: "vi" | "en",
): string {
  const { message_vi, message_en } = commandMessages[code];
  return fillTemplate<string>(lang === "vi" ? message_vi : message_en, params);
}
