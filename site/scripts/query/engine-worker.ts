// The engine's worker: DuckDB-WASM's own worker script, loaded into this one after one change: the
// fetch of the .wasm reports the bytes received, and the end of the download, to the page (on a BroadcastChannel named in this
// worker's address), so that the page's <progress> is real while the worker compiles the module as
// it downloads (DuckDB calls WebAssembly.instantiateStreaming on the response). DuckDB's own
// progress report skips every chunk that arrives within 20 ms of the previous one, which on a
// throttled phone link is every chunk.
// Address: <this file>#<channel name>#<DuckDB's worker URL>.
export {};

declare const self: {
  location: { hash: string };
  fetch: typeof fetch;
  importScripts(...urls: string[]): void;
};

const [, channelName = "", duckdbWorker = ""] = self.location.hash.split("#").map(decodeURIComponent);
const channel = new BroadcastChannel(channelName);
const pageFetch = self.fetch.bind(self);

self.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const response = await pageFetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  if (!/\.wasm(\?|$)/.test(url) || !response.body) return response;
  let loaded = 0;
  let told = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        const now = performance.now();
        if (now - told >= 50) {
          told = now;
          channel.postMessage({ loaded, done: false });
        }
        controller.enqueue(chunk);
      },
      flush() {
        channel.postMessage({ loaded, done: true });
      },
    }),
  );
  return new Response(counted, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

self.importScripts(duckdbWorker);
