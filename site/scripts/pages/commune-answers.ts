// The script a commune page loads with the page for its citizens' answers chart, and it stays tiny:
// it shows the section (hidden without JavaScript) and waits for the reader's tap on the button
// that states the engine's size. Only then are the query engine and the drawing code fetched.
for (const root of document.querySelectorAll<HTMLElement>("[data-commune-answers]")) {
  const button = root.querySelector<HTMLButtonElement>("[data-engine-start]");
  if (!button) continue;
  root.hidden = false;
  button.addEventListener(
    "click",
    () => void import("./commune-answers-run.ts").then(({ run }) => run(root)),
    { once: true },
  );
}
