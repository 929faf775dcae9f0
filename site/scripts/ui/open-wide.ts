// Long sections (a commune's criteria, its answers question by question) are <details> closed by
// default, so a phone shows their one-line summary instead of thousands of pixels of table; on a
// wide screen, where they fit beside the reader's eye, they open by themselves.
if (window.matchMedia("(min-width: 48rem)").matches) {
  for (const details of document.querySelectorAll<HTMLDetailsElement>("details[data-open-wide]")) {
    details.open = true;
  }
}
