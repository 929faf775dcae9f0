// The published Parquet files, read in JavaScript and handed to DuckDB-WASM as Arrow tables.
// Why not DuckDB's own read_parquet: since duckdb-wasm 1.29 Parquet support is an extension that
// DuckDB downloads from extensions.duckdb.org on first use — a third-party request the site must
// never make (docs/quality.md). hyparquet reads the same files locally; column types come from the
// Parquet schema, never guessed from values (a code stays text, an all-null column keeps its type).
import { Float64, Int32, Table, Utf8, makeData, makeVector, type Vector } from "apache-arrow";
import { parquetMetadata, parquetReadObjects } from "hyparquet";

type ParquetPhysicalType = NonNullable<ReturnType<typeof parquetMetadata>["schema"][number]["type"]>;

// Arrow's builders (vectorFromArray) compile their null checks with `new Function`, which the
// Content-Security-Policy forbids ('unsafe-eval' is not allowed), so the columns are laid out
// here directly as Arrow buffers: values, and a validity bitmap (bit i set = row i not null).

function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  values.forEach((value, index) => {
    if (value === null || value === undefined) nullCount += 1;
    else nullBitmap[index >> 3] = (nullBitmap[index >> 3] ?? 0) | (1 << (index & 7));
  });
  return { nullBitmap, nullCount };
}

const utf8Encoder = new TextEncoder();

function textColumn(values: readonly unknown[]): Vector {
  const encoded = values.map((value) => {
    if (value === null || value === undefined) return new Uint8Array(0);
    return value instanceof Uint8Array ? value : utf8Encoder.encode(String(value));
  });
  const valueOffsets = new Int32Array(values.length + 1);
  encoded.forEach((bytes, index) => {
    valueOffsets[index + 1] = (valueOffsets[index] ?? 0) + bytes.length;
  });
  const data = new Uint8Array(valueOffsets[values.length] ?? 0);
  encoded.forEach((bytes, index) => data.set(bytes, valueOffsets[index]));
  return makeVector(
    makeData({ type: new Utf8(), length: values.length, valueOffsets, data, ...validity(values) }),
  );
}

// 64-bit integers arrive as BigInt; the published counts fit a double exactly.
const numbers = (values: readonly unknown[]) =>
  values.map((value) => (value === null || value === undefined ? 0 : Number(value)));

function int32Column(values: readonly unknown[]): Vector {
  const data = Int32Array.from(numbers(values));
  return makeVector(makeData({ type: new Int32(), length: values.length, data, ...validity(values) }));
}

function float64Column(values: readonly unknown[]): Vector {
  const data = Float64Array.from(numbers(values));
  return makeVector(makeData({ type: new Float64(), length: values.length, data, ...validity(values) }));
}

function column(values: readonly unknown[], physical: ParquetPhysicalType | undefined): Vector {
  switch (physical) {
    case "BYTE_ARRAY":
    case "FIXED_LEN_BYTE_ARRAY":
      return textColumn(values);
    case "INT32":
      return int32Column(values);
    default:
      return float64Column(values);
  }
}

/** A flat Parquet file (one level of columns, as the pipeline writes them) as an Arrow table. */
export async function parquetToArrow(bytes: ArrayBuffer): Promise<Table> {
  const { schema } = parquetMetadata(bytes);
  // schema[0] is the root; the published tables have no nested columns.
  const columns = schema.slice(1);
  const rows = await parquetReadObjects({ file: bytes });
  const vectors: Record<string, Vector> = {};
  for (const { name, type } of columns) {
    vectors[name] = column(
      rows.map((row) => row[name]),
      type,
    );
  }
  return new Table(vectors);
}
