export interface Chip {
  key: string;
  /** The filter this chip belongs to: types, actors, locations, confidence or window. */
  group: string;
  label: string;
}

/**
 * The active filters as removable chips. Reports the chip removed through
 * `input`: `value` is the chip's key (a "group:id" string) or "all".
 */
export function chips(list: Chip[]): HTMLElement & { value: string | null } {
  const root = document.createElement("div") as HTMLDivElement & { value: string | null };
  root.className = "chips";
  root.setAttribute("role", "list");
  root.setAttribute("aria-label", "Active filters");
  root.value = null;
  for (const chip of list) {
    const span = document.createElement("span");
    span.className = `chip chip-${chip.group}`;
    span.setAttribute("role", "listitem");
    span.append(`${chip.group}: `);
    const label = document.createElement("bdi");
    label.textContent = chip.label;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.setAttribute("aria-label", `Remove filter ${chip.group} ${chip.label}`);
    remove.dataset.key = chip.key;
    span.append(label, remove);
    root.append(span);
  }
  if (list.length > 1) {
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "chip-clear";
    clear.textContent = "clear all";
    clear.dataset.key = "all";
    root.append(clear);
  }
  root.addEventListener("click", (e) => {
    const key = (e.target as HTMLElement).closest<HTMLElement>("button")?.dataset.key;
    if (!key) return;
    root.value = key;
    root.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return root;
}
