import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../canvas/shortcuts';
import { useEditor } from '../store/EditorStoreContext';

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
          {SHORTCUTS.map(({ keys, what }) => (
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
