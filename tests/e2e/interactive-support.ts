// Shared checks of the DuckDB-WASM pages' end-to-end tests (compare, explore, interactive charts):
// Content-Security-Policy violations as the page itself sees them, and axe-core findings.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Records every `securitypolicyviolation` event of the page (call before navigating). */
export async function recordCspViolations(page: Page): Promise<void> {
  // Init scripts come from the browser's devtools protocol, not from the page, so the page's CSP
  // (no inline script) does not apply to this listener.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.cspViolations ?? []);
}

/** axe-core's violations on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

/**
 * Slows the page's downloads to 10 MB/s (devtools network emulation), so that the engine's
 * download lasts long enough for its progress bar to be seen, as on a reader's connection.
 */
export async function slowDownloads(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: 10_000_000,
    uploadThroughput: -1,
  });
}

/** A reader who tapped "Tải" for the query engine on an earlier visit (remembered in localStorage). */
export async function rememberEngineTap(page: Page): Promise<void> {
  await page.addInitScript(() => {
    localStorage.setItem("cchc:tai-cong-cu-truy-van", "co");
  });
}
