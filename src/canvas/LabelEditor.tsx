import { useEffect, useRef, useState } from 'react';

interface LabelEditorProps {
  value: string;
  ariaLabel: string;
  onCommit: (value: string) => void;
  onCancel: () => void;
  className?: string;
}

/**
 * In-place label editor: Enter commits, Shift+Enter adds a line, Escape cancels,
 * leaving the field commits.
 */
export function LabelEditor({ value, ariaLabel, onCommit, onCancel, className }: LabelEditorProps) {
  const [text, setText] = useState(value);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(text);
    else onCancel();
  };

  return (
    <textarea
      ref={ref}
      className={`lf-label-editor nodrag nopan nowheel ${className ?? ''}`}
      aria-label={ariaLabel}
      data-initial-value={value}
      value={text}
      rows={1}
      maxLength={500}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(false);
        }
      }}
    />
  );
}
