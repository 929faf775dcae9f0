// /in-an.css: the foot of every printed page (linked by Base.astro for print only). Chromium and
// other current browsers print CSS page-margin boxes on each page; their text can only come from
// CSS, and the Content-Security-Policy allows no inline style, hence this small stylesheet built
// from dataset.json: the issuer, the office to contact and the site's address.
import type { APIRoute } from "astro";
import { latestYear } from "../lib/data.ts";
import { href } from "../lib/paths.ts";
import { palette } from "../lib/palette.ts";
import { cssString, printFooter } from "../lib/portal.ts";

export const GET: APIRoute = ({ site }) => {
  const { manifest } = latestYear();
  const home = href("/");
  const address = site ? new URL(home, site).href : home;
  const css = `@page {
  @bottom-left {
    content: ${cssString(printFooter(manifest, address))};
    font-size: 7pt;
    color: ${palette.print};
  }
  @bottom-right {
    content: "Trang " counter(page) "/" counter(pages);
    font-size: 7pt;
    color: ${palette.print};
  }
}
`;
  return new Response(css, { headers: { "Content-Type": "text/css; charset=utf-8" } });
};
