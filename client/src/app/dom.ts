/** Creates an element with a class and (text-only) content. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/**
 * Puts a freshly rendered view in place of the old one, keeping keyboard
 * focus on the element with the same data-id (or the same role) if it had it.
 */
export function swap(slot: HTMLElement, view: Element): void {
  const active = document.activeElement;
  const hadFocus = active && slot.contains(active);
  const id = hadFocus ? (active as HTMLElement).dataset?.id : undefined;
  const tag = hadFocus ? active.tagName.toLowerCase() : undefined;
  for (const old of slot.children) (old as { dispose?: () => void }).dispose?.();
  slot.replaceChildren(view);
  if (!hadFocus) return;
  const target =
    (id ? view.querySelector<HTMLElement | SVGElement>(`[data-id="${CSS.escape(id)}"]`) : null) ??
    (tag ? view.querySelector<HTMLElement | SVGElement>(`${tag}[tabindex]`) : null);
  target?.focus({ preventScroll: true });
}
