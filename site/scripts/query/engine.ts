/// <reference types="astro/client" />
// The one DuckDB-WASM client of the site (docs/architecture.md#the-query-engine-in-the-browser).
// - Served by the site itself: Vite copies the engine's files next to the page bundles (`?url`),
//   so no CDN is ever contacted (getJsDelivrBundles is deliberately not used).
// - One single-threaded bundle, "eh" (WebAssembly exception handling: Chrome and Android WebView
//   95+, Safari and iOS 15.2+, Firefox 100+): GitHub Pages cannot send the COOP/COEP headers the
//   threaded "coi" bundle needs, and the "mvp" bundle for older browsers would add 39 MB to every
//   build of the site for phones that no longer get updates. Such a browser is told that it cannot
//   run the engine and to update (the static figures stay).
// - One engine per page, started on the first call and shared (memoised promise).
// - Queries are prepared statements with bound parameters; table names come from the fixed list
//   of published tables, never from user input.
import type { AsyncDuckDB, AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import type { PublishedTableName } from "../../../schemas/published.ts";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import countingWorker from "./engine-worker.ts?worker&url";
import { browserStorage, engineConsented, rememberEngineConsent } from "../state/engine-consent.ts";

/** Why the engine could not start, each with the message a reader sees. */
export type EngineFailure =
  "no-wasm" | "old-browser" | "no-worker" | "out-of-memory" | "data-missing" | "load-failed";

const failureMessages: Record<EngineFailure, string> = {
  "no-wasm":
    "Trình duyệt này không hỗ trợ WebAssembly nên không thể truy vấn dữ liệu ngay trên máy. Số liệu và biểu đồ tĩnh trên trang vẫn đầy đủ; bạn có thể tải toàn bộ dữ liệu ở trang Dữ liệu.",
  "old-browser":
    "Trình duyệt này đã cũ nên không chạy được công cụ truy vấn dữ liệu ngay trên máy. Số liệu và biểu đồ tĩnh trên trang vẫn đầy đủ; hãy cập nhật trình duyệt hoặc tải toàn bộ dữ liệu ở trang Dữ liệu.",
  "no-worker":
    "Trình duyệt đã chặn tiến trình chạy nền (Web Worker) cần cho công cụ truy vấn. Số liệu và biểu đồ tĩnh trên trang vẫn đầy đủ; hãy thử trình duyệt khác hoặc tải dữ liệu ở trang Dữ liệu.",
  "out-of-memory":
    "Thiết bị không đủ bộ nhớ để chạy công cụ truy vấn dữ liệu. Số liệu và biểu đồ tĩnh trên trang vẫn đầy đủ; hãy đóng bớt thẻ trình duyệt rồi tải lại trang.",
  "data-missing":
    "Không tải được tệp dữ liệu của năm này. Số liệu và biểu đồ tĩnh trên trang vẫn đầy đủ; hãy kiểm tra kết nối mạng rồi tải lại trang.",
  "load-failed":
    "Không khởi động được công cụ truy vấn dữ liệu trên thiết bị này. Số liệu và biểu đồ tĩnh trên trang vẫn đầy đủ; hãy tải lại trang hoặc tải dữ liệu ở trang Dữ liệu.",
};

/** A failure to start the engine or load data, carrying a code and a Vietnamese message. */
export class EngineUnavailableError extends Error {
  readonly code: EngineFailure;
  readonly messageVi: string;
  constructor(code: EngineFailure, cause?: unknown) {
    super(`DuckDB-WASM unavailable: ${code}`, { cause });
    this.name = "EngineUnavailableError";
    this.code = code;
    this.messageVi = failureMessages[code];
  }
}

/** The Vietnamese sentence to show for any error thrown by this module. */
export function engineErrorMessage(error: unknown): string {
  if (error instanceof EngineUnavailableError) return error.messageVi;
  return failureMessages["load-failed"];
}

/** Every table the pipeline publishes as Parquet: the only names ever put into SQL text. */
const publishedTableNames: Record<PublishedTableName, true> = {
  results: true,
  domains: true,
  scores: true,
  survey: true,
  survey_options: true,
  satisfaction: true,
  responses: true,
};

/** A value bound to a `?` placeholder. */
export type QueryParam = string | number | boolean | null;

/** The published tables of one year, queryable with parameterised SQL. */
export interface PublishedData {
  /** Runs `sql` as a prepared statement with `params` bound to its `?` placeholders, in order. */
  query<Row extends object>(sql: string, params?: readonly QueryParam[]): Promise<Row[]>;
}

const bundle = { mainModule: absoluteUrl(ehWasm), mainWorker: absoluteUrl(ehWorker) };

function absoluteUrl(path: string): string {
  return new URL(path, globalThis.location?.href ?? "http://localhost/").href;
}

/** `<base>/data/<year>/<table>.parquet`, the file `publish` wrote and `/du-lieu/` offers. */
export function parquetUrl(year: number, table: PublishedTableName): string {
  const base = import.meta.env.BASE_URL.endsWith("/")
    ? import.meta.env.BASE_URL
    : `${import.meta.env.BASE_URL}/`;
  return `${base}data/${year}/${table}.parquet`;
}

interface Engine {
  db: AsyncDuckDB;
  connection: AsyncDuckDBConnection;
}

let enginePromise: Promise<Engine> | null = null;
const registeredTables = new Map<string, Promise<void>>();

function classifyStartFailure(error: unknown): EngineUnavailableError {
  if (error instanceof EngineUnavailableError) return error;
  const text = String(error instanceof Error ? `${error.name} ${error.message}` : error);
  if (/memory|RangeError/i.test(text)) return new EngineUnavailableError("out-of-memory", error);
  if (/SecurityError|worker/i.test(text)) return new EngineUnavailableError("no-worker", error);
  return new EngineUnavailableError("load-failed", error);
}

/**
 * What the page hears while the engine starts: the bytes of its .wasm received so far (with the
 * total when known, 0 otherwise), then `"starting"` once the module is downloaded and compiled,
 * until the first answer.
 */
export type EngineProgress = (loaded: number, total: number) => void;
export type EngineStarting = () => void;

const progressListeners = new Set<EngineProgress>();
const startingListeners = new Set<EngineStarting>();

/**
 * The worker: DuckDB's own, wrapped (engine-worker.ts) so that the bytes of the .wasm it streams
 * into WebAssembly.instantiateStreaming (the module compiles while it downloads) reach the page's
 * listeners on a BroadcastChannel of its own. The .wasm has a hashed, immutable name, so the
 * browser's cache keeps it for later visits.
 */
function countedWorker(duckdbWorker: string): { worker: Worker; stop: () => void } {
  const name = `cchc-engine-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  const channel = new BroadcastChannel(name);
  channel.addEventListener("message", (event: MessageEvent<{ loaded: number; done: boolean }>) => {
    for (const listener of progressListeners) listener(event.data.loaded, 0);
    // Every byte is in: what remains (compiling the rest, opening, loading the tables) is starting.
    if (event.data.done) for (const listener of startingListeners) listener();
  });
  const worker = new Worker(
    `${absoluteUrl(countingWorker)}#${encodeURIComponent(name)}#${encodeURIComponent(duckdbWorker)}`,
  );
  return { worker, stop: () => channel.close() };
}

async function startEngine(): Promise<Engine> {
  if (typeof WebAssembly !== "object") throw new EngineUnavailableError("no-wasm");
  if (typeof Worker !== "function") throw new EngineUnavailableError("no-worker");
  // The library (and Apache Arrow) is itself loaded only now, so pages pay for it on use.
  const duckdb = await import("@duckdb/duckdb-wasm");
  if (!(await duckdb.getPlatformFeatures()).wasmExceptions) {
    throw new EngineUnavailableError("old-browser");
  }
  let worker: Worker;
  let stopCounting = () => {};
  try {
    ({ worker, stop: stopCounting } = countedWorker(bundle.mainWorker));
  } catch (error) {
    throw new EngineUnavailableError("no-worker", error);
  }
  // A worker refused by the Content-Security-Policy or unable to load reports only an error event.
  let onWorkerError: (event: ErrorEvent) => void = () => {};
  const workerFailed = new Promise<never>((_, reject) => {
    onWorkerError = (event) => reject(new EngineUnavailableError("no-worker", event.message));
    worker.addEventListener("error", onWorkerError);
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    try {
      await Promise.race([db.instantiate(bundle.mainModule), workerFailed]);
    } finally {
      stopCounting();
    }
    worker.removeEventListener("error", onWorkerError);
    for (const listener of startingListeners) listener();
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    const connection = await db.connect();
    // Never fetch an extension from extensions.duckdb.org (a third-party request): the Parquet
    // files are read by parquet.ts instead, and the queries use core SQL only.
    await connection.query(
      "SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;",
    );
    return { db, connection };
  } catch (error) {
    stopCounting();
    worker.terminate();
    throw classifyStartFailure(error);
  }
}

function engine(): Promise<Engine> {
  enginePromise ??= startEngine().catch((error: unknown) => {
    // Let a later interaction try again (e.g. after memory was freed).
    enginePromise = null;
    throw classifyStartFailure(error);
  });
  return enginePromise;
}

async function registerTable({ connection }: Engine, year: number, table: PublishedTableName): Promise<void> {
  if (!publishedTableNames[table]) throw new Error(`Unknown published table: ${String(table)}`);
  // The bytes go through the browser's HTTP cache, so a second visit reads them from disk.
  let response: Response;
  try {
    response = await fetch(parquetUrl(year, table));
  } catch (error) {
    throw new EngineUnavailableError("data-missing", error);
  }
  if (!response.ok) throw new EngineUnavailableError("data-missing", `${response.status} ${response.url}`);
  const { parquetToArrow } = await import("./parquet.ts");
  const arrowTable = await parquetToArrow(await response.arrayBuffer());
  await connection.query(`DROP TABLE IF EXISTS ${table}`);
  await connection.insertArrowTable(arrowTable, { name: table, create: true });
}

/** Arrow gives BigInt for 64-bit integers even when cast; the site only shows small counts. */
function plainValue(value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}

/**
 * Starts DuckDB-WASM (once per page) and loads the year's published `tables` (each once per page).
 * Rejects with EngineUnavailableError when the device cannot run it; the caller keeps the static
 * content and shows `engineErrorMessage(error)`.
 */
export async function openPublishedData(
  year: number,
  tables: readonly PublishedTableName[],
  onProgress?: EngineProgress,
  onStarting?: EngineStarting,
): Promise<PublishedData> {
  if (onProgress) progressListeners.add(onProgress);
  if (onStarting) startingListeners.add(onStarting);
  const started = await engine().finally(() => {
    if (onProgress) progressListeners.delete(onProgress);
    if (onStarting) startingListeners.delete(onStarting);
  });
  // Loading the tables is part of starting, for the reader as for the engine.
  onStarting?.();
  await Promise.all(
    tables.map((table) => {
      const key = `${year}/${table}`;
      let registration = registeredTables.get(key);
      if (!registration) {
        registration = registerTable(started, year, table).catch((error: unknown) => {
          registeredTables.delete(key);
          throw error instanceof EngineUnavailableError ? error : classifyStartFailure(error);
        });
        registeredTables.set(key, registration);
      }
      return registration;
    }),
  );
  return {
    async query<Row extends object>(sql: string, params: readonly QueryParam[] = []): Promise<Row[]> {
      const statement = await started.connection.prepare(sql);
      try {
        const table = await statement.query(...params);
        return table.toArray().map((arrowRow) => {
          const row: Record<string, unknown> = {};
          for (const [name, value] of Object.entries(arrowRow.toJSON() as Record<string, unknown>)) {
            row[name] = plainValue(value);
          }
          return row as Row;
        });
      } finally {
        await statement.close();
      }
    },
  };
}

/**
 * Shows the engine's state in a live region while `task` runs: a loading message with a <progress>
 * of the bytes received (the engine's first download), then "đang khởi động" until the task's
 * answer, nothing once done, the Vietnamese
 * explanation if the device cannot run the engine. Returns the task's value, or null when it
 * failed (the page's static content stays as it is). `expectedBytes` is the .wasm's size, for a
 * server that does not send its length (or sends the compressed one).
 */
export async function withLoadingState<T>(
  status: HTMLElement,
  task: (onProgress: EngineProgress, onStarting: EngineStarting) => Promise<T>,
  loadingMessage = "Đang tải công cụ truy vấn dữ liệu…",
  expectedBytes = Number(status.dataset.engineBytes ?? 0),
): Promise<T | null> {
  status.hidden = false;
  status.dataset.state = "loading";
  const text = document.createElement("span");
  text.textContent = loadingMessage;
  const bar = document.createElement("progress");
  bar.hidden = true;
  const percent = document.createElement("span");
  status.replaceChildren(text, " ", bar, " ", percent);
  const onProgress: EngineProgress = (loaded, total) => {
    const max = Math.max(loaded, total > loaded ? total : expectedBytes);
    if (max <= 0) return;
    bar.hidden = false;
    bar.max = max;
    bar.value = loaded;
    percent.textContent = `${Math.floor((100 * loaded) / max)}%`;
  };
  // Downloaded: the module is compiled and the data loaded before the first answer, which takes a
  // few seconds on a phone; the reader is told so instead of watching a bar stand at 100 %.
  const onStarting: EngineStarting = () => {
    status.dataset.state = "starting";
    text.textContent = "Đã tải xong, đang khởi động công cụ truy vấn và nạp dữ liệu…";
    bar.hidden = true;
    percent.textContent = "";
  };
  try {
    const value = await task(onProgress, onStarting);
    status.dataset.state = "ready";
    status.replaceChildren();
    status.hidden = true;
    return value;
  } catch (error) {
    // The technical cause stays available to whoever opens the console.
    console.warn("DuckDB-WASM:", error instanceof EngineUnavailableError ? error.cause : error);
    status.dataset.state = "failed";
    status.textContent = engineErrorMessage(error);
    return null;
  }
}

/**
 * Resolves when the reader agrees to download the engine: at once when they tapped on an earlier
 * visit (remembered in localStorage), otherwise on a tap of `button` (shown until then), whose text
 * states the size. No page starts the download by itself, whatever the connection reports.
 */
export function tapToLoad(button: HTMLButtonElement): Promise<void> {
  const storage = browserStorage();
  if (engineConsented(storage)) return Promise.resolve();
  button.hidden = false;
  return new Promise((resolve) =>
    button.addEventListener(
      "click",
      () => {
        button.hidden = true;
        rememberEngineConsent(storage);
        resolve();
      },
      { once: true },
    ),
  );
}
