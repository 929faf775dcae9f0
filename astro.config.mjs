// The site's base path lives here only: GitHub project pages serve under /<repo>/.
// SITE_BASE is set by the publish workflow from the repository name; locally the site is at /.
import { defineConfig } from "astro/config";

export default defineConfig({
  srcDir: "./site",
  publicDir: "./site/public",
  outDir: "./dist",
  base: process.env.SITE_BASE ?? "/",
  trailingSlash: "always",
  build: { format: "directory" },
  server: { host: "127.0.0.1", port: 4321 },
});
