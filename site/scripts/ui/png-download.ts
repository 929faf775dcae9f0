// "PNG" of a chart (ChartFigure.astro): made in the reader's browser when they tap it, from the
// chart's published SVG download (title, source, version and, for sample data, the notice), drawn
// on a canvas at twice its size for sharp text, on the paper colour (a transparent PNG is
// unreadable in dark viewers). The build draws no chart PNG, whatever the number of communes.
// No query engine, no eval: an <img> of a file of this site (img-src 'self') and a blob: download.
import { palette } from "../../lib/palette.ts";
import { downloadBlob } from "./download-file.ts";

/** Twice the SVG's CSS size, as the PNG files once drawn at build time. */
const ZOOM = 2;

/** The PNG of the SVG file at `url` (same origin, so the canvas stays readable). */
export async function svgFileToPng(url: string): Promise<Blob> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(image.naturalWidth * ZOOM);
  canvas.height = Math.round(image.naturalHeight * ZOOM);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("Trình duyệt không vẽ được ảnh PNG (no 2D canvas)");
  context.fillStyle = palette.paper;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error("Trình duyệt không tạo được tệp PNG (canvas.toBlob)"));
    }, "image/png");
  });
}

for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-png-from]")) {
  link.closest<HTMLElement>("[data-png-offer]")?.removeAttribute("hidden");
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const source = link.dataset.pngFrom ?? "";
    void svgFileToPng(source).then(
      (png) => downloadBlob(png, link.download),
      // Without a canvas the reader still gets the chart: the SVG file opens instead.
      () => window.location.assign(source),
    );
  });
}
