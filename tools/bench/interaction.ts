// `npm run bench -- --site`: how long a reader waits for the first answer of the interactive pages,
// and how many bytes it costs, on docs/architecture.md#the-site's slow phone (200 KB/s, 150 ms latency, CPU slowed 4×,
// fresh profile, files gzip-compressed as GitHub Pages sends them, .wasm included) and unthrottled.
// Each figure is a first visit in a new browser context (empty cache). Measured, never asserted.
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../tests/support/chromium.ts";
import { startStaticServer } from "../../tests/support/server.ts";

export type NetworkProfile = "throttled" | "unthrottled";

export interface FirstAnswer {
  page: string;
  profile: NetworkProfile;
  /** Milliseconds from navigation start to the answer on screen; null if not shown within 120 s. */
  answer_ms: number | null;
  /** On the commune page: milliseconds from the reader's change of comparator to the new chart. */
  after_change_ms?: number | null;
  /** Bytes the server put on the wire (gzip) until the answer. */
  bytes: number;
  requests: number;
  /** Whether a .wasm file was requested before the answer. */
  wasm: boolean;
}

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: 200_000,
    uploadThroughput: 100_000,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

type Shown = "compare" | "explore" | { chart: string };

/**
 * ms since navigation start, in the page's clock, once the answer is on screen (polled). A function,
 * not a string: the site's Content-Security-Policy forbids evaluating strings.
 */
async function when(page: Page, shown: Shown): Promise<number | null> {
  return page
    .waitForFunction(
      (what: Shown) => {
        const query = (selector: string) => document.querySelector(selector);
        // The answers as the DOM shows them (the same selectors before and after issue 12's rewrite).
        const done =
          what === "compare"
            ? document.querySelectorAll("#compare-summary table thead th").length >= 3 &&
              query("#compare-domains-table table tbody tr") !== null
            : what === "explore"
              ? query("#explore-distribution-table table tbody tr") !== null
              : [
                  ...document.querySelectorAll("[data-interactive-chart] figure:not([hidden]) .chart-title"),
                ].some((title) => (title.textContent ?? "").includes(what.chart)) &&
                query("[data-interactive-chart] .chart-live svg") !== null;
        return done ? performance.now() : false;
      },
      shown,
      { timeout: 120_000, polling: 50 },
    )
    .then(
      async (handle) => Math.round((await handle.jsonValue()) as number),
      (error: unknown) => {
        console.warn(`not shown: ${String(error).split("\n")[0]}`);
        return null;
      },
    );
}

/** A tap on the "load" button when a page waits for one (slow connection). */
const startButton = "[data-engine-start]:not([hidden])";

export async function benchInteraction(
  dist: string,
  base: string,
  slug: string,
  codes: [string, string],
): Promise<FirstAnswer[]> {
  let sent: { path: string; bytes: number }[] = [];
  const server = await startStaticServer(dist, base, {
    gzip: true,
    onSent: (path, bytes) => sent.push({ path, bytes }),
  });
  const origin = new URL(server.url).origin;
  const answers: FirstAnswer[] = [];
  try {
    for (const profile of ["throttled", "unthrottled"] as const) {
      const visit = async (
        name: string,
        act: (page: Page) => Promise<Pick<FirstAnswer, "answer_ms" | "after_change_ms">>,
      ) => {
        // A new browser each time: a fresh profile, and one crash spoils one figure only.
        const browser: Browser = await launchChromium();
        const context = await browser.newContext(phone);
        const page = await context.newPage();
        if (profile === "throttled") await throttle(page);
        sent = [];
        const timing = await act(page).catch((error: unknown) => {
          console.warn(`${name} (${profile}): ${String(error).split("\n")[0]}`);
          return { answer_ms: null };
        });
        // what had arrived when the answer was on screen (later lazy loads are not counted)
        const until = [...sent];
        answers.push({
          page: name,
          profile,
          ...timing,
          bytes: until.reduce((sum, s) => sum + s.bytes, 0),
          requests: until.length,
          wasm: until.some((s) => s.path.endsWith(".wasm")),
        });
        await browser.close();
      };
      await visit("/so-sanh/?xa=A,B", async (page) => {
        await page.goto(origin + `${base}so-sanh/?xa=${codes.join(",")}`, { waitUntil: "commit" });
        return { answer_ms: await when(page, "compare") };
      });
      await visit(`/xa/${slug}/ (interactive chart)`, async (page) => {
        await page.goto(origin + `${base}xa/${slug}/`, { waitUntil: "load" });
        const select = page.locator("[data-interactive-chart] select").first();
        await select.scrollIntoViewIfNeeded();
        // The reader taps the list, then spends 2 s choosing in it (the page may use that time).
        await select.focus();
        await page.waitForTimeout(2000);
        const option = select.locator("option").nth(1);
        const name = (await option.textContent()) ?? "";
        const changedAt = await page.evaluate(() => performance.now());
        await select.selectOption({ index: 1 });
        const shown = await when(page, { chart: name.trim() });
        // The page's own marks (site/scripts/state/marks.ts): from the change event to the chart
        // drawn, without the automation's own delay in making the change.
        const marked = await page.evaluate(() => {
          const change = performance.getEntriesByName("interactive-chart:change")[0];
          const drawn = performance.getEntriesByName("interactive-chart:drawn")[0];
          return change && drawn ? Math.round(drawn.startTime - change.startTime) : null;
        });
        return {
          answer_ms: shown,
          after_change_ms: marked ?? (shown === null ? null : Math.round(shown - changedAt)),
        };
      });
      await visit("/kham-pha/", async (page) => {
        await page.goto(origin + `${base}kham-pha/`, { waitUntil: "commit" });
        // a slow connection waits for the reader's tap before the download: tap as soon as offered
        void page
          .locator(startButton)
          .first()
          .click({ timeout: 60_000 })
          .catch(() => undefined);
        return { answer_ms: await when(page, "explore") };
      });
    }
  } finally {
    await server.close();
  }
  return answers;
}
