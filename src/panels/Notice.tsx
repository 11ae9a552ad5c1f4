import { useEffect } from 'react';
import { useEditor } from '../store/EditorStoreContext';

/**
 * A short message for the user that fades after a few seconds: over the canvas, centred on
 * it and clear of its controls and overview (`overCanvas`), else at the bottom of the window.
 */
export function Notice({ overCanvas = false }: { overCanvas?: boolean }) {
  const notice = useEditor((s) => s.notice);
  const setNotice = useEditor((s) => s.setNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);
  return (
    <div
      className={overCanvas ? 'lf-notice is-over-canvas' : 'lf-notice'}
      role="status"
      aria-live="polite"
    >
      {notice}
    </div>
  );
}
