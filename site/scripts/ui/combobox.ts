// The commune picker of /so-sanh/: an editable combobox with a list popup (WAI-ARIA APG
// "combobox with list autocomplete"). Typing filters without diacritics; ↓/↑ move, Enter picks,
// Esc closes (or clears), Alt+↓ opens; the chosen communes show as buttons that remove them.
import { matchCommunes, type SearchableCommune } from "./search.ts";

export interface ComboboxElements {
  input: HTMLInputElement;
  listbox: HTMLUListElement;
  /** Where the chosen communes are listed, each with a remove button. */
  chosen: HTMLUListElement;
  /** A polite live region for "đã thêm …" announcements. */
  announcer: HTMLElement;
}

export interface CommuneCombobox {
  /** Shows `codes` as the chosen communes (no event is fired). */
  setChosen(codes: readonly string[]): void;
}

/**
 * Wires the combobox; `onChange` receives the new list of chosen codes after each pick or removal.
 * With `maxChosen` 1, a pick replaces the chosen commune.
 */
export function communeCombobox(
  { input, listbox, chosen, announcer }: ComboboxElements,
  communes: readonly SearchableCommune[],
  maxChosen: number,
  onChange: (codes: string[]) => void,
): CommuneCombobox {
  const byCode = new Map(communes.map((commune) => [commune.code, commune]));
  let chosenCodes: string[] = [];
  let visible: SearchableCommune[] = [];
  let active = -1;

  const optionId = (code: string) => `${listbox.id}-${code}`;

  function renderChosen(): void {
    chosen.replaceChildren(
      ...chosenCodes.map((code) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "chosen-commune";
        button.dataset.code = code;
        button.textContent = byCode.get(code)?.name ?? code;
        button.setAttribute("aria-label", `Bỏ ${byCode.get(code)?.name ?? code} khỏi so sánh`);
        item.append(button);
        return item;
      }),
    );
  }

  function setActive(index: number): void {
    active = index;
    listbox.querySelectorAll<HTMLLIElement>("[role=option]").forEach((option, optionIndex) => {
      option.classList.toggle("active", optionIndex === index);
      option.setAttribute("aria-selected", String(optionIndex === index));
      if (optionIndex === index) option.scrollIntoView({ block: "nearest" });
    });
    const current = visible[index];
    if (current) input.setAttribute("aria-activedescendant", optionId(current.code));
    else input.removeAttribute("aria-activedescendant");
  }

  function open(): void {
    visible = matchCommunes(communes, input.value).filter((commune) => !chosenCodes.includes(commune.code));
    listbox.replaceChildren(
      ...visible.map((commune) => {
        const option = document.createElement("li");
        option.id = optionId(commune.code);
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.code = commune.code;
        option.textContent = commune.name;
        return option;
      }),
    );
    if (visible.length === 0) {
      const empty = document.createElement("li");
      empty.className = "no-match";
      empty.textContent = "Không có đơn vị nào khớp";
      listbox.append(empty);
    }
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
    input.removeAttribute("aria-activedescendant");
  }

  function close(): void {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function pick(code: string): void {
    const commune = byCode.get(code);
    if (!commune) return;
    // A picker of one (a unit page's comparison) replaces its choice; of more, it stops at the most.
    if (maxChosen > 1 && chosenCodes.length >= maxChosen) {
      announcer.textContent = `Chỉ so sánh được tối đa ${maxChosen} đơn vị; hãy bỏ bớt một đơn vị trước.`;
      return;
    }
    chosenCodes = maxChosen === 1 ? [code] : [...chosenCodes, code];
    renderChosen();
    input.value = "";
    close();
    announcer.textContent = `Đã thêm ${commune.name}. Đang so sánh ${chosenCodes.length} đơn vị.`;
    onChange(chosenCodes);
  }

  input.addEventListener("input", open);
  input.addEventListener("focus", () => {
    if (input.value !== "") open();
  });
  input.addEventListener("blur", () => {
    // Let a click on an option land before the list disappears.
    setTimeout(close, 150);
  });
  input.addEventListener("keydown", (event) => {
    const expanded = !listbox.hidden;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!expanded) open();
        if (!event.altKey && visible.length > 0) setActive((active + 1) % visible.length);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!expanded) open();
        if (visible.length > 0) setActive(active <= 0 ? visible.length - 1 : active - 1);
        break;
      case "Enter": {
        const current = visible[active] ?? (visible.length === 1 ? visible[0] : undefined);
        if (expanded && current) {
          event.preventDefault();
          pick(current.code);
        }
        break;
      }
      case "Escape":
        if (expanded) close();
        else input.value = "";
        break;
      case "Tab":
        close();
        break;
    }
  });
  listbox.addEventListener("pointerdown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const option =
      event.target instanceof Element ? event.target.closest<HTMLElement>("[role=option]") : null;
    if (option?.dataset.code) pick(option.dataset.code);
  });
  chosen.addEventListener("click", (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLElement>("button[data-code]") : null;
    const code = button?.dataset.code;
    if (!code) return;
    chosenCodes = chosenCodes.filter((chosenCode) => chosenCode !== code);
    renderChosen();
    announcer.textContent = `Đã bỏ ${byCode.get(code)?.name ?? code}. Đang so sánh ${chosenCodes.length} đơn vị.`;
    input.focus();
    onChange(chosenCodes);
  });

  return {
    setChosen(codes) {
      chosenCodes = codes.filter((code) => byCode.has(code));
      renderChosen();
    },
  };
}
