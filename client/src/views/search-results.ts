import type { SearchHit } from "../data/search.ts";

/** What choosing a result asks for: select it, or filter by it. */
export interface SearchChoice {
  id: string;
  kind: SearchHit["kind"];
  label: string;
  mode: "select" | "filter";
}

/**
 * The ranked hits of a search as a listbox. Up/Down move, Enter selects,
 * the "filter" button adds an actor or place filter. Reports through `input`.
 */
export function searchResults(hits: SearchHit[], query: string): HTMLElement & { value: SearchChoice | null } {
  const root = document.createElement("ul") as HTMLUListElement & { value: SearchChoice | null };
  root.className = "search-results";
  root.setAttribute("role", "listbox");
  root.setAttribute("aria-label", `Results for ${query}`);
  root.value = null;
  if (!hits.length) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = `Nothing matches “${query}”`;
    root.append(li);
    return root;
  }
  hits.forEach((hit, i) => {
    const li = document.createElement("li");
    li.setAttribute("role", "option");
    li.dataset.id = hit.id;
    li.tabIndex = i === 0 ? 0 : -1;
    const kind = document.createElement("span");
    kind.className = `badge kind-${hit.kind}`;
    kind.textContent = hit.kind;
    const label = document.createElement("bdi");
    label.className = "hit-label";
    label.textContent = hit.label;
    li.append(kind, " ", label);
    if (hit.labelAr && hit.labelAr !== hit.label) {
      const ar = document.createElement("span");
      ar.lang = "ar";
      ar.dir = "rtl";
      ar.className = "name-ar";
      ar.textContent = hit.labelAr.length > 60 ? `${hit.labelAr.slice(0, 59)}…` : hit.labelAr;
      li.append(" ", ar);
    }
    const detail = document.createElement("span");
    detail.className = "hit-detail";
    detail.textContent = ` ${hit.detail.replaceAll("_", " ").toLowerCase()}`;
    li.append(detail);
    if (hit.kind === "actor" || hit.kind === "location") {
      const filter = document.createElement("button");
      filter.type = "button";
      filter.className = "hit-filter";
      filter.textContent = "+ filter";
      filter.setAttribute("aria-label", `Filter by ${hit.label}`);
      li.append(filter);
    }
    root.append(li);
  });
  const choose = (li: HTMLElement, mode: SearchChoice["mode"]) => {
    const hit = hits.find((h) => h.id === li.dataset.id);
    if (!hit) return;
    root.value = { id: hit.id, kind: hit.kind, label: hit.label, mode };
    root.dispatchEvent(new Event("input", { bubbles: true }));
  };
  root.addEventListener("click", (e) => {
    const target = e.target as HTMLElement;
    const li = target.closest<HTMLElement>("li[role=option]");
    if (li) choose(li, target.closest(".hit-filter") ? "filter" : "select");
  });
  root.addEventListener("keydown", (e) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>("li[role=option]");
    if (!li) return;
    const move = (to: Element | null) => {
      if (!(to instanceof HTMLElement)) return;
      li.tabIndex = -1;
      to.tabIndex = 0;
      to.focus();
    };
    if (e.key === "ArrowDown") move(li.nextElementSibling);
    else if (e.key === "ArrowUp") move(li.previousElementSibling);
    else if (e.key === "Enter") choose(li, "select");
    else return;
    e.preventDefault();
  });
  return root;
}
