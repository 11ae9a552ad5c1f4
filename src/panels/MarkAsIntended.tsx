import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { LIMITS } from '../model/limits';
import { useEditorStoreApi } from '../store/EditorStoreContext';

/**
 * "Mark as intended" on a warning or note: a button that opens a one-line reason
 * (optional) and hides the finding as one undo step. The mark is saved with the map.
 */
export function MarkAsIntended({ findingKey }: { findingKey: string }) {
  const store = useEditorStoreApi();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setReason('');
    buttonRef.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    store.getState().setFindingAccepted(findingKey, true, reason);
    store.getState().setNotice('Marked as intended. Undo with Ctrl/⌘+Z.');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };

  if (!open) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className="lf-fix lf-fix--quiet"
        onClick={() => setOpen(true)}
      >
        Mark as intended
      </button>
    );
  }
  return (
    <form className="lf-mark" aria-label="Mark as intended" onSubmit={submit} onKeyDown={onKeyDown}>
      <label>
        Reason (optional)
        <input
          ref={inputRef}
          type="text"
          value={reason}
          maxLength={LIMITS.maxLabelLength}
          placeholder="e.g. reminders are sent on purpose"
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="lf-finding__fixes">
        <button type="submit" className="lf-fix">
          Mark as intended
        </button>
        <button type="button" className="lf-fix lf-fix--quiet" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
