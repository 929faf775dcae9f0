// The document the charts draw into at build time: linkedom's, as there is no browser. Only the
// build imports this; the chart functions receive a document and so also run in a browser.
import { parseHTML } from "linkedom";

export function buildDocument(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document;
}
