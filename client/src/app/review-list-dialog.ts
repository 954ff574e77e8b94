import { h } from "./dom.ts";

const keyStorage = "rasd.editorKey";

/** One of the two decisions on an item (merge/accept, reject/dismiss): its button, its key, what it does. */
export interface ReviewDecision<T> {
  label: string;
  className: "accept" | "reject";
  /** The keyboard letter that takes this decision on the focused item. */
  key: string;
  /** Does it with the editor key; resolves to the status line to show. */
  run(item: T, li: HTMLLIElement, editorKey: string): Promise<string>;
}

export interface ReviewListOptions<T> {
  /** Prefix of the dialog's element ids: `${idPrefix}-key`, `-close`, `-title`. */
  idPrefix: string;
  title: string;
  dialogClass: string;
  hint: string;
  listLabel: string;
  /** Controls shown under the editor key (e.g. a filter). */
  controls?: HTMLElement[];
  decisions: [ReviewDecision<T>, ReviewDecision<T>];
  /** The item's row content and attributes; the row itself and its buttons are added here. */
  row(item: T): { attrs: Record<string, string>; children: (Node | string)[] };
  needKey: string;
  noneLeft: string;
  onChanged(): void;
}

/**
 * A modal list an editor works through with the keyboard — the candidate
 * duplicate events and the possible duplicate actors/places share it: ↑/↓
 * (or k/j) move between items, one letter per decision, Esc closes; a decided
 * item leaves the list and the focus moves on by itself. The editor key is
 * kept for the browser session.
 */
export function openReviewList<T>(o: ReviewListOptions<T>) {
  const key = h("input", {
    type: "password",
    id: `${o.idPrefix}-key`,
    autocomplete: "off",
    placeholder: "editor API key",
  });
  key.value = sessionStorage.getItem(keyStorage) ?? "";
  const status = h("p", { class: "hint", "aria-live": "polite" });
  const list = h("ol", { class: "candidates", "aria-label": o.listLabel });
  const close = h("button", { type: "button", id: `${o.idPrefix}-close` }, "Close");
  const dialog = h(
    "dialog",
    { class: o.dialogClass, "aria-labelledby": `${o.idPrefix}-title` },
    h("h2", { id: `${o.idPrefix}-title` }, o.title),
    h("p", { class: "hint" }, o.hint),
    h("label", {}, "Editor key ", key),
    ...(o.controls ?? []),
    status,
    list,
    h("div", { class: "dialog-buttons" }, close),
  );
  document.body.append(dialog);
  let changed = false;
  const done = () => {
    dialog.close();
    dialog.remove();
    if (changed) o.onChanged();
  };
  close.addEventListener("click", done);
  dialog.addEventListener("close", () => dialog.isConnected && done());

  const items = () => [...list.querySelectorAll<HTMLLIElement>("li.candidate")];
  const focusAt = (i: number) => {
    const all = items();
    all[Math.max(0, Math.min(i, all.length - 1))]?.focus();
  };

  const decide = async (li: HTMLLIElement, item: T, decision: ReviewDecision<T>) => {
    if (!key.value) {
      status.textContent = o.needKey;
      key.focus();
      return;
    }
    const at = items().indexOf(li);
    li.setAttribute("aria-busy", "true");
    try {
      status.textContent = await decision.run(item, li, key.value);
      sessionStorage.setItem(keyStorage, key.value);
      changed = true;
      li.remove();
      focusAt(at);
      if (items().length === 0) list.replaceChildren(h("li", { class: "hint" }, o.noneLeft));
    } catch (error) {
      status.textContent = `Not done: ${(error as Error).message}`;
      li.removeAttribute("aria-busy");
    }
  };

  const row = (item: T) => {
    const { attrs, children } = o.row(item);
    const buttons = o.decisions.map((d) => h("button", { type: "button", class: d.className }, d.label));
    const li = h(
      "li",
      { ...attrs, class: "candidate", tabindex: "0" },
      ...children,
      h("div", { class: "dialog-buttons" }, ...buttons),
    );
    for (const [i, d] of o.decisions.entries()) buttons[i].addEventListener("click", () => decide(li, item, d));
    li.addEventListener("keydown", (event) => {
      if (event.target !== li && !(event.target instanceof HTMLButtonElement)) return;
      const at = items().indexOf(li);
      const k = event.key.toLowerCase();
      const decision = o.decisions.find((d) => d.key === k);
      if (k === "arrowdown" || k === "j") focusAt(at + 1);
      else if (k === "arrowup" || k === "k") focusAt(at - 1);
      else if (decision) decide(li, item, decision);
      else return;
      event.preventDefault();
    });
    return li;
  };

  dialog.showModal();
  return {
    /** Fills the list (or says `empty`) with `message` as the status, and focuses the first item. */
    show(all: T[], message: string, empty: string) {
      status.textContent = message;
      list.replaceChildren(...(all.length ? all.map(row) : [h("li", { class: "hint" }, empty)]));
      focusAt(0);
    },
    loading() {
      status.textContent = "Loading…";
      list.replaceChildren();
    },
    failed(message: string) {
      status.textContent = message;
    },
  };
}
