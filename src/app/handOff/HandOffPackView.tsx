import { useEffect, useMemo } from 'react';
import { downloadBlob } from '../../io/downloadBlob';
import { mapFileName, mapToJsonBlob } from '../../io/exportJson';
import { mapToSvg } from '../../io/exportSvg';
import { handOffPack, packMap, packMarkdown } from '../../leverage';
import type { ProcessMap } from '../../model';
import { useAnalysis } from '../../store/AnalysisProvider';
import { useEditor, useEditorStoreApi } from '../../store/EditorStoreContext';
import type { PackRequest } from '../../store/editorTypes';
import { PackDocument } from './PackDocument';
import './handOff.css';

/** Today as yyyy-mm-dd, in local time. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function packsFor(
  map: ProcessMap,
  request: PackRequest,
  date: string,
  report: Parameters<typeof handOffPack>[3],
) {
  return 'personIds' in request
    ? request.personIds.map((personId) => handOffPack(map, { personId }, date, report))
    : [handOffPack(map, { nodeIds: request.nodeIds }, date, report)];
}

/**
 * The hand-off pack on show: a print-ready page (the print stylesheet hides the editor and
 * this bar and breaks pages between people), with Markdown to copy or download and each
 * person's read-only map file.
 */
export function HandOffPackView() {
  const store = useEditorStoreApi();
  const request = useEditor((s) => s.pack);
  const map = useEditor((s) => s.map);
  const report = useAnalysis((s) => s.report);
  const docs = useMemo(() => {
    if (!request) return [];
    const date = today();
    return packsFor(map, request, date, report).map((pack) => {
      const part = packMap(map, pack);
      return { pack, part, picture: mapToSvg(part) };
    });
  }, [map, request, report]);
  // Escape closes the pack, as it closes the other dialogs.
  useEffect(() => {
    if (!request) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.getState().setPack(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [request, store]);
  if (!request) return null;
  const markdown = () => packMarkdown(docs.map((d) => d.pack));
  const close = () => store.getState().setPack(null);
  const name = docs.length === 1 ? docs[0]!.pack.title : 'everyone';
  return (
    <div className="lf-pack" role="dialog" aria-label="Hand-off pack" aria-modal="true">
      <div className="lf-pack__bar" role="toolbar" aria-label="Hand-off pack actions">
        <button type="button" onClick={() => window.print()}>
          Print / Save as PDF
        </button>
        <button
          type="button"
          onClick={() => {
            navigator.clipboard.writeText(markdown()).then(
              () => store.getState().setNotice('Copied the hand-off pack as Markdown.'),
              () => store.getState().setNotice('Could not copy: use Download Markdown instead.'),
            );
          }}
        >
          Copy Markdown
        </button>
        <button
          type="button"
          onClick={() =>
            downloadBlob(
              new Blob([markdown()], { type: 'text/markdown' }),
              mapFileName({ name: `Hand-off pack - ${name}` }, 'md'),
            )
          }
        >
          Download Markdown
        </button>
        {docs.map(({ pack, part }) => (
          <button
            key={pack.title}
            type="button"
            onClick={() =>
              downloadBlob(
                mapToJsonBlob(part),
                mapFileName({ name: `${pack.title} - hand-off` }, 'leverflow.json'),
              )
            }
          >
            Download read-only map for {pack.title}
          </button>
        ))}
        <button type="button" className="lf-pack__close" onClick={close}>
          Close
        </button>
      </div>
      <div className="lf-pack__pages">
        {docs.map(({ pack, picture }) => (
          <PackDocument key={pack.title} pack={pack} picture={picture} />
        ))}
      </div>
    </div>
  );
}
