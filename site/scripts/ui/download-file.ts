// Every file the site makes in the reader's browser (filtered CSV, /kiem-tra/'s report, chart PNG)
// is handed over the same way: a blob: URL (allowed by the Content-Security-Policy), clicked,
// released once the download has started.

/** Offers `blob` as a file download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
