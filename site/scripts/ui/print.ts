// The print button: shown only when JavaScript runs (without it, the browser's own Print works
// just as well and the button would do nothing).
for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
