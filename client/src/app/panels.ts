import { h } from "./dom.ts";

/**
 * A titled panel: a header (title, tools, a maximise toggle) over a body that
 * scrolls inside, so the page itself never scrolls. Maximising marks the
 * workspace, whose CSS gives that panel all the room.
 */
export function panel(title: string, id: string, tools: Node[], body: Node[]): HTMLElement {
  const toggle = h(
    "button",
    { type: "button", class: "panel-max", "aria-pressed": "false", title: `Maximise the ${title.toLowerCase()}` },
    "⤢",
  );
  const section = h(
    "section",
    { class: `panel panel-${id}`, "aria-labelledby": `${id}-title`, "data-panel": id },
    h("header", { class: "panel-head" }, h("h2", { id: `${id}-title` }, title), ...tools, toggle),
    h("div", { class: "panel-body" }, ...body),
  );
  toggle.addEventListener("click", () => {
    const workspace = section.closest(".workspace") as HTMLElement | null;
    if (!workspace) return;
    const on = workspace.dataset.maximised !== id;
    if (on) workspace.dataset.maximised = id;
    else delete workspace.dataset.maximised;
    for (const b of workspace.querySelectorAll(".panel-max")) b.setAttribute("aria-pressed", "false");
    toggle.setAttribute("aria-pressed", String(on));
    toggle.title = `${on ? "Restore" : "Maximise"} the ${title.toLowerCase()}`;
  });
  return section;
}

/**
 * A drag handle between two panels that sets a CSS length on the workspace
 * (the grid reads it). Arrow keys move it too. `row` handles move up/down.
 */
export function splitter(direction: "row" | "col", variable: string, label: string): HTMLElement {
  const handle = h("div", {
    class: `splitter splitter-${direction}`,
    role: "separator",
    tabindex: "0",
    "aria-label": label,
    "aria-orientation": direction === "row" ? "horizontal" : "vertical",
  });
  const apply = (px: number) => {
    const host = handle.closest(".workspace") as HTMLElement | null;
    host?.style.setProperty(variable, `${Math.round(px)}px`);
  };
  // The size is of the panel before a row handle (the timeline) and after a column handle (map, evidence).
  const sizeOf = () => {
    const target = (direction === "row" ? handle.previousElementSibling : handle.nextElementSibling) as HTMLElement;
    return direction === "row" ? target.offsetHeight : target.offsetWidth;
  };
  handle.addEventListener("pointerdown", (e) => {
    e.preventDefault();
    handle.setPointerCapture(e.pointerId);
    const start = direction === "row" ? e.clientY : e.clientX;
    const size = sizeOf();
    const move = (m: PointerEvent) => {
      const d = (direction === "row" ? m.clientY : m.clientX) - start;
      apply(Math.max(160, direction === "row" ? size + d : size - d));
    };
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
  });
  handle.addEventListener("keydown", (e) => {
    const step = { ArrowUp: -24, ArrowLeft: 24, ArrowDown: 24, ArrowRight: -24 }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    apply(Math.max(160, sizeOf() + (direction === "row" ? step : step)));
  });
  return handle;
}
