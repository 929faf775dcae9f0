// Copy buttons (bản tin): `<button data-copy="<selector>" hidden>` copies the text of every element
// the selector matches, one per line. The buttons stay hidden without JavaScript or without the
// Clipboard API (plain http), where selecting the text by hand works as well; the result is said
// in the page's live region so that screen-reader users hear it too.
const status = document.querySelector<HTMLElement>("[data-copy-status]");

function announce(message: string): void {
  if (status) status.textContent = message;
}

if (navigator.clipboard) {
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const selector = button.dataset.copy ?? "";
      const text = [...document.querySelectorAll(selector)]
        .map((node) => node.textContent?.replace(/\s+/g, " ").trim() ?? "")
        .join("\n");
      try {
        await navigator.clipboard.writeText(text);
        announce(`Đã chép: ${button.dataset.copyLabel ?? "nội dung"}.`);
      } catch {
        announce("Trình duyệt không cho chép tự động. Hãy bôi đen đoạn văn và chép bằng tay.");
      }
    });
  }
}
