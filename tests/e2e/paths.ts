// Where the end-to-end build lives and under which base path it is served: the one GitHub
// project pages use for this repository, so that any link forgetting the base path breaks here.
export const BASE_PATH = "/chi-so-cchc/";
// E2E_OUT_DIR lets several people run the e2e tests at once without rebuilding each other's copy.
export const E2E_OUT_DIR = process.env.E2E_OUT_DIR ?? "dist-e2e";
// The site address the e2e build is made for, as the publish workflow passes SITE_URL.
export const SITE_URL = "https://example.org";
