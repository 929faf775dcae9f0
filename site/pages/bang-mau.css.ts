// /bang-mau.css: the colour palette (site/lib/palette.ts) as CSS custom properties, linked by
// Base.astro before the site's stylesheet, so that pages and charts take their colours from one place
// (the Content-Security-Policy allows no inline style).
import type { APIRoute } from "astro";
import { paletteCss } from "../lib/palette.ts";

export const GET: APIRoute = () =>
  new Response(paletteCss(), { headers: { "Content-Type": "text/css; charset=utf-8" } });
