// "Tải SVG" for charts drawn in the browser: the chart as a standalone SVG file, made locally
// (a blob: URL, allowed by the Content-Security-Policy), no server involved.

/** Puts a download link for `svg` as drawn now into `container`, releasing the previous file. */
export function replaceSvgDownload(container: HTMLElement, svg: SVGSVGElement, fileName: string): void {
  const previous = container.querySelector("a");
  if (previous?.href.startsWith("blob:")) URL.revokeObjectURL(previous.href);
  container.replaceChildren(svgDownloadLink(svg, fileName));
}

function svgDownloadLink(svg: SVGSVGElement, fileName: string): HTMLAnchorElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // Width 100% only makes sense inside a page; a file needs its own size.
  copy.setAttribute("width", copy.viewBox.baseVal.width.toString());
  copy.setAttribute("height", copy.viewBox.baseVal.height.toString());
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  link.download = fileName;
  link.textContent = "Tải biểu đồ (SVG)";
  return link;
}
