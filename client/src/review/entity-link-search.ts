import { h } from "../app/dom.ts";
import type { ExistingEntity, NamedKind } from "../data/bundle.ts";
import { searchEntities } from "../data/review.ts";

/** Typing pauses this long before the graph is searched. */
const searchDelay = 200;

/** "Kataib Hezbollah — كتائب حزب الله · armed group · also: KH, Kata'ib Hizballah" */
export function describeEntity(e: ExistingEntity): (Node | string)[] {
  const out: (Node | string)[] = [h("bdi", {}, e.name)];
  if (e.nameAr && e.nameAr !== e.name) out.push(" — ", h("bdi", { lang: "ar", dir: "rtl" }, e.nameAr));
  out.push(h("span", { class: "review-kind" }, ` · ${e.kind.replaceAll("_", " ").toLowerCase()}`));
  const aliases = e.aliases.filter((a) => a !== e.name && a !== e.nameAr).slice(0, 4);
  if (aliases.length) out.push(h("span", { class: "review-aliases" }, ` · also: ${aliases.join(", ")}`));
  return out;
}

/**
 * "Link to existing": search-as-you-type over the graph's actors or places
 * (Arabic or English, spelling variants folded by the server's search),
 * listing each candidate with its type and aliases. ↓ moves into the list,
 * Enter picks, Escape clears; `pick` hears the chosen node.
 */
export function entityLinkSearch(
  kind: NamedKind,
  itemId: string,
  itemName: string,
  pick: (entity: ExistingEntity) => void,
): HTMLElement {
  const listId = `link-${kind}-${itemId.replace(/[^a-zA-Z0-9-]/g, "_")}`;
  const input = h("input", {
    type: "search",
    dir: "auto",
    "data-key": `${itemId}/link`,
    "aria-controls": listId,
    placeholder: `search the graph for ${kind === "actors" ? "an actor" : "a place"}…`,
  });
  const list = h("ul", { class: "link-candidates", id: listId, role: "listbox", "aria-label": "Existing nodes" });
  const root = h(
    "div",
    { class: "entity-link" },
    h("label", { class: "field" }, `Link “${itemName}” to existing `, input),
    list,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | null = null;

  const options = () => [...list.querySelectorAll<HTMLLIElement>("li[role=option]")];
  const show = (found: ExistingEntity[]) => {
    list.replaceChildren(
      ...found.map((e) => {
        const li = h("li", { role: "option", tabindex: "-1", "data-id": e.id }, ...describeEntity(e));
        li.addEventListener("click", () => pick(e));
        li.addEventListener("keydown", (event) => {
          const all = options();
          const at = all.indexOf(li);
          if (event.key === "Enter" || event.key === " ") pick(e);
          else if (event.key === "ArrowDown") all[at + 1]?.focus();
          else if (event.key === "ArrowUp") (at === 0 ? input : all[at - 1]).focus();
          else if (event.key === "Escape") input.focus();
          else return;
          event.preventDefault();
          event.stopPropagation();
        });
        return li;
      }),
    );
    if (!found.length && input.value.trim()) list.replaceChildren(h("li", { class: "hint" }, "No match in the graph."));
  };

  const run = async () => {
    request?.abort();
    const text = input.value.trim();
    if (!text) return list.replaceChildren();
    request = new AbortController();
    const { signal } = request;
    try {
      const found = await searchEntities(text, kind, signal);
      if (!signal.aborted) show(found);
    } catch (error) {
      if (!signal.aborted)
        list.replaceChildren(h("li", { class: "error" }, `Search failed: ${(error as Error).message}`));
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, searchDelay);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") options()[0]?.focus();
    else if (event.key === "Enter") {
      const first = options()[0];
      if (first) first.click();
      else run();
    } else if (event.key === "Escape" && input.value) {
      input.value = "";
      list.replaceChildren();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  });
  return root;
}
