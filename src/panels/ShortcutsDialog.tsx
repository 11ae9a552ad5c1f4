import { useEffect, useRef } from 'react';
import { useEditor } from '../store/EditorStoreContext';

const SHORTCUTS: [string, string][] = [
  ['Click / Shift+click', 'Select / add to selection'],
  ['Shift+drag on the map', 'Box select'],
  ['Drag from a handle to a step', 'Connect with an arrow'],
  ['Double-click, Enter or F2', 'Edit the label of the selected step or arrow'],
  ['Ctrl/⌘+↓ → ← ↑', 'Add the next step, connected, and name it'],
  ['Delete / Backspace', 'Delete the selection'],
  ['Ctrl/⌘+A', 'Select all'],
  ['Ctrl/⌘+C, X, V', 'Copy, cut, paste (works between tabs)'],
  ['Ctrl/⌘+D', 'Duplicate'],
  ['Ctrl/⌘+Z', 'Undo'],
  ['Ctrl/⌘+Shift+Z or Ctrl+Y', 'Redo'],
  ['Arrow keys', 'Move the selected steps'],
  ['Shift+1', 'Fit the map in view'],
  ["C, then a step's name", 'Connect the selected step to that step'],
  ['Enter on a palette button', 'Add that step and type its name'],
  ['Ctrl/⌘+F', 'Find steps by name or notes (Enter: next match)'],
  ['Right-click a step', 'Rename, swap Yes/No, duplicate, delete'],
  ['Escape', 'Clear the selection'],
  ['?', 'This help'],
];

/** The keyboard shortcuts, opened with `?`. */
export function ShortcutsDialog() {
  const open = useEditor((s) => s.helpOpen);
  const setHelpOpen = useEditor((s) => s.setHelpOpen);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="lf-dialog"
      aria-labelledby="lf-shortcuts-title"
      onClose={() => setHelpOpen(false)}
    >
      <h2 id="lf-shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
