/** Where typing edits the map: the canvas's label editors and the side panel's fields. */
const MAP_FIELDS = '.lf-label-editor, .lf-side';

function activeMapField(doc: Document): HTMLInputElement | HTMLTextAreaElement | undefined {
  const el = doc.activeElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return undefined;
  return el.closest(MAP_FIELDS) ? el : undefined;
}

/**
 * True while the person is typing into the map and the text differs from what it was: an
 * open label editor (its `data-initial-value`) or a side-panel field (its default value). It
 * counts as an unsaved edit: another tab's save must not close it and take the text away.
 * @example createTabSync({ hasUnsavedEdits: () => autosave.isDirty() || openDraftChanged(), … })
 */
export function openDraftChanged(doc: Document = document): boolean {
  const field = activeMapField(doc);
  if (!field) return false;
  return field.value !== (field.dataset.initialValue ?? field.defaultValue);
}

/**
 * Commits what the person is typing into the map, as leaving the field does (every such
 * field commits on blur): for page close, so the text is part of what is saved.
 */
export function commitOpenDraft(doc: Document = document): void {
  activeMapField(doc)?.blur();
}
