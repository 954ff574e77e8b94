import { ApiError } from "../data/api.ts";
import {
  type Choices,
  type EditRequest,
  editorKey,
  loadChoices,
  loadEditable,
  sendEdit,
  setEditorKey,
} from "../data/edits.ts";

/**
 * Adds the editing section to the evidence panel for the selected node when
 * the client holds an editor key (else a small field to give one, kept in
 * sessionStorage like the Ingest dialog's). It loads the node with its
 * provenance, sends each edit the view reports, shows the result or the
 * refusal (naming the field), offers Undo for the last edit, and asks the
 * workspace to reload so every view shows the corrected graph.
 */
let pending: AbortController | null = null;
let choices: Promise<Choices> | null = null;
/** The last edit made here, kept across re-renders of the panel (one per session). */
let lastEdit: { auditId: string; label: string } | null = null;
let status: { text: string; error: boolean } | null = null;

const LABELS: Record<EditRequest["op"], string> = {
  setRole: "role change",
  addParticipant: "added participant",
  removeParticipant: "removed participant",
  addEventPlace: "added place",
  removeEventPlace: "removed place",
  setEventDate: "date move",
  updateClaim: "claim change",
  updateEntity: "rename / ids",
  mergeEntities: "merge",
  splitEntity: "split",
  undo: "undo",
};

export function showEditor(panel: HTMLElement, id: string, onChanged: (select?: string) => void): void {
  pending?.abort();
  const request = new AbortController();
  pending = request;
  const slot = document.createElement("div");
  slot.className = "edit-slot";
  panel.querySelector(".evidence-head")?.after(slot);
  if (!editorKey()) {
    slot.append(keyForm(() => showEditor(panel, id, onChanged)));
    // Who asserted what is shown to every reader; editing needs the key.
    Promise.all([loadEditable(id, request.signal), import("../views/edit-panel.ts")])
      .then(([node, { provenancePanel }]) => {
        if (!request.signal.aborted && node) slot.prepend(provenancePanel(node));
      })
      .catch(() => {});
    return;
  }
  choices ??= loadChoices().catch((e) => {
    choices = null;
    throw e;
  });
  Promise.all([loadEditable(id, request.signal), choices, import("../views/edit-panel.ts")])
    .then(([node, ch, { editPanel }]) => {
      if (request.signal.aborted || !node) return;
      const view = editPanel({ node, choices: ch, lastEdit, status });
      status = null;
      view.addEventListener("edit", async (e) => {
        const detail = (e as CustomEvent<EditRequest>).detail;
        view.classList.add("busy");
        try {
          const done = await sendEdit(detail);
          if (detail.op === "undo") {
            lastEdit = null;
            status = { text: `Undone: ${done.action ?? "edit"}`, error: false };
          } else {
            lastEdit = { auditId: done.auditId, label: LABELS[detail.op] };
            status = { text: `Saved (${LABELS[detail.op]})`, error: false };
          }
          // Names and merges change what the selects offer.
          if (["mergeEntities", "splitEntity", "updateEntity", "undo"].includes(detail.op)) choices = null;
          onChanged();
        } catch (error) {
          const issues = error instanceof ApiError ? error.issues : [];
          status = {
            text: issues.length ? issues.map((i) => `${i.path}: ${i.message}`).join("; ") : (error as Error).message,
            error: true,
          };
          showEditor(panel, id, onChanged);
          slot.remove();
        }
      });
      slot.replaceChildren(view);
    })
    .catch((error: Error) => {
      if (request.signal.aborted) return;
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = `Editing is not available: ${error.message}`;
      slot.replaceChildren(p);
    });
}

function keyForm(done: () => void): HTMLElement {
  const form = document.createElement("form");
  form.className = "editor-key-form";
  const label = document.createElement("label");
  label.textContent = "Editor key ";
  const key = document.createElement("input");
  key.type = "password";
  key.autocomplete = "off";
  key.placeholder = "editor API key, to correct what is shown";
  key.setAttribute("aria-label", "editor key");
  label.append(key);
  const go = document.createElement("button");
  go.type = "submit";
  go.textContent = "Edit";
  form.append(label, go);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!key.value.trim()) return;
    setEditorKey(key.value.trim());
    form.parentElement?.remove();
    done();
  });
  return form;
}
