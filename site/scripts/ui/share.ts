// The "Chia sẻ" button of the commune and compare pages (site/components/ShareButton.astro): the
// phone's own share sheet where the browser has one (navigator.share), otherwise the link copied
// to the clipboard, and a Vietnamese confirmation in a live region either way. The button stays
// hidden without JavaScript or without either API, where the address bar does the same.
// What is shared is the page's address at the moment of the tap (/so-sanh/ keeps its choice there)
// and a title naming what the page shows (setShared, for pages whose subject changes).

let sharedTitle = "";

/** The title a later tap shares (e.g. the communes being compared); the page's <title> otherwise. */
export function setShared(title: string): void {
  sharedTitle = title;
}

for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-share]")) {
  const status = button.parentElement?.querySelector<HTMLElement>("[data-share-status]");
  const say = (message: string) => {
    if (status) status.textContent = message;
  };
  const canShare = typeof navigator.share === "function";
  if (!canShare && !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const url = location.href;
    const title = sharedTitle || document.title;
    if (canShare) {
      try {
        await navigator.share({ title, url });
        say("Đã mở phần chia sẻ của máy.");
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to say.
        if (error instanceof DOMException && error.name === "AbortError") return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      say("Đã chép đường liên kết. Dán vào tin nhắn hoặc bài viết để gửi cho người khác.");
    } catch {
      say("Trình duyệt không cho chép tự động. Hãy chép địa chỉ trang trên thanh địa chỉ.");
    }
  });
}
