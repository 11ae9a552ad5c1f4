import { useEffect } from 'react';
import { useEditor } from '../store/EditorStoreContext';

/** A short message for the user that fades after a few seconds. */
export function Notice() {
  const notice = useEditor((s) => s.notice);
  const setNotice = useEditor((s) => s.setNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);
  return (
    <div className="lf-notice" role="status" aria-live="polite">
      {notice}
    </div>
  );
}
