import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import type { Severity, Suggestion } from '../analyzer';
import { useFitSteps } from '../canvas/useFitSteps';
import { ALL_RULES, findingKey, type ReviewFinding } from '../review';
import { useAnalysis } from '../store/AnalysisProvider';
import { useEditor, useEditorStoreApi } from '../store/EditorStoreContext';
import { MarkAsIntended } from './MarkAsIntended';
import { MetricsSummary } from './MetricsSummary';

const GROUPS: { severity: Severity; title: string; noun: string }[] = [
  { severity: 'error', title: 'Errors', noun: 'errors' },
  { severity: 'warning', title: 'Warnings', noun: 'warnings' },
  { severity: 'info', title: 'Notes', noun: 'notes' },
];

/**
 * Findings shown per group at first, and added by each "Show more": a big map has thousands
 * (a dense 5,000-step chart: about 8,000, with 21,000 buttons), and drawing them all froze
 * the page whenever the tab opened or the analysis changed.
 */
export const FINDINGS_PAGE = 100;

/** What each group shows at first: the three severities, and the findings marked as intended. */
const FIRST_PAGES: Record<Severity | 'hidden', number> = {
  error: FINDINGS_PAGE,
  warning: FINDINGS_PAGE,
  info: FINDINGS_PAGE,
  hidden: FINDINGS_PAGE,
};

/**
 * The analysis beside the canvas: each finding in plain words, why it matters, and its
 * fixes as buttons. Arrow keys move between findings; Enter shows one on the map.
 */
export function FindingsPanel() {
  const store = useEditorStoreApi();
  const findings = useAnalysis((s) => s.findings);
  const hidden = useAnalysis((s) => s.hidden);
  const partial = useAnalysis((s) => !s.report.metrics.checkedInFull);
  const marks = useEditor((s) => s.map.acceptedFindings);
  const empty = useEditor((s) => s.map.nodes.length === 0);
  const [showHidden, setShowHidden] = useState(false);
  // How many findings each group shows (it grows by FINDINGS_PAGE with each "Show more"),
  // back to one page when another map is opened.
  const opened = useEditor((s) => s.mapsOpened);
  const [paging, setPaging] = useState({ opened, shown: FIRST_PAGES });
  const shown = paging.opened === opened ? paging.shown : FIRST_PAGES;
  const showMore = (group: keyof typeof FIRST_PAGES) =>
    setPaging({ opened, shown: { ...shown, [group]: shown[group] + FINDINGS_PAGE } });
  const notes = useMemo(() => new Map(marks.map((m) => [m.key, m.note])), [marks]);
  const heat = useEditor((s) => s.heat);
  const fitSteps = useFitSteps();
  const listRef = useRef<HTMLDivElement>(null);
  const errors = findings.filter((f) => f.severity === 'error').length;

  const show = (finding: ReviewFinding) => {
    store.getState().select(finding.nodeIds, finding.edgeIds);
    const nodeIds = new Set(finding.nodeIds);
    for (const id of finding.edgeIds) {
      const edge = store.getState().map.edges.find((e) => e.id === id);
      if (edge) nodeIds.add(edge.source).add(edge.target);
    }
    if (nodeIds.size > 0) {
      fitSteps({ ids: nodeIds, padding: 0.4, maxZoom: 1.2, duration: 250 });
    }
  };

  const apply = (suggestion: Suggestion) => {
    store.getState().applyEdits(suggestion.edits);
    store.getState().setNotice(`Applied: ${suggestion.title}. Undo with Ctrl/⌘+Z.`);
    // A fix that fills in a person's agreement opens it, to be completed there.
    const opened = suggestion.edits.find((e) => e.type === 'upsertPerson');
    if (opened?.type === 'upsertPerson' && opened.person.agreement) {
      store.getState().setAgreementFor(opened.person.id);
      store.getState().setPanel('leverage');
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [
      ...(listRef.current?.querySelectorAll<HTMLButtonElement>('.lf-finding__main') ?? []),
    ];
    const index = items.findIndex(
      (el) => el === document.activeElement || el.parentElement?.contains(document.activeElement),
    );
    const next =
      items[Math.max(0, Math.min(items.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <section className="lf-findings" aria-label="Findings">
      <div
        className={`lf-sound${errors === 0 && !empty ? (partial ? ' is-partial' : ' is-sound') : ''}`}
        role="status"
      >
        {empty
          ? 'Empty map: add a Start step from the palette to begin.'
          : errors > 0
            ? `${errors} ${errors === 1 ? 'problem stops' : 'problems stop'} cases from finishing.`
            : partial
              ? 'No problem found, but the parallel parts are too large to check in full: a join that waits forever may be missed (see the notes below).'
              : 'Map is sound: every step leads to an end.'}
      </div>
      <MetricsSummary />
      <label className="lf-check">
        <input
          type="checkbox"
          checked={heat}
          onChange={(e) => store.getState().setHeat(e.target.checked)}
        />
        Tint steps by time per case
      </label>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move focus between the finding buttons inside */}
      <div ref={listRef} onKeyDown={onKeyDown}>
        {GROUPS.map(({ severity, title, noun }) => {
          const group = findings.filter((f) => f.severity === severity);
          if (group.length === 0) return null;
          const limit = shown[severity];
          const left = group.length - limit;
          return (
            <section key={severity} aria-label={title} className="lf-findings__group">
              <h3>
                {title} <span className={`lf-pill lf-sev-${severity}`}>{group.length}</span>
              </h3>
              <ul>
                {group.slice(0, limit).map((finding) => (
                  <li key={findingKey(finding)} className={`lf-finding lf-finding--${severity}`}>
                    <button
                      type="button"
                      className="lf-finding__main"
                      onClick={() => show(finding)}
                    >
                      <span className="lf-finding__title">{ALL_RULES[finding.rule].title}</span>
                      <span className="lf-finding__message">{finding.message}</span>
                    </button>
                    <p className="lf-finding__why">{ALL_RULES[finding.rule].why}</p>
                    {(finding.suggestions.length > 0 || severity !== 'error') && (
                      <div className="lf-finding__fixes">
                        {finding.suggestions.map((s) => (
                          <button
                            key={s.title}
                            type="button"
                            className="lf-fix"
                            onClick={() => apply(s)}
                          >
                            {s.title}
                          </button>
                        ))}
                        {severity !== 'error' && (
                          <MarkAsIntended findingKey={findingKey(finding)} />
                        )}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              <ShowMore left={left} noun={noun} onClick={() => showMore(severity)} />
            </section>
          );
        })}
      </div>
      {hidden.length > 0 && (
        <section className="lf-findings__group" aria-label="Marked as intended">
          <label className="lf-check">
            <input
              type="checkbox"
              checked={showHidden}
              onChange={(e) => setShowHidden(e.target.checked)}
            />
            Show {hidden.length} marked as intended
          </label>
          {showHidden && (
            <ul>
              {hidden.slice(0, shown.hidden).map((finding) => (
                <li
                  key={findingKey(finding)}
                  className={`lf-finding lf-finding--${finding.severity} is-hidden`}
                >
                  <button type="button" className="lf-finding__main" onClick={() => show(finding)}>
                    <span className="lf-finding__title">
                      {ALL_RULES[finding.rule].title} · intended
                    </span>
                    <span className="lf-finding__message">{finding.message}</span>
                  </button>
                  <MarkReason note={notes.get(findingKey(finding))} />
                  <div className="lf-finding__fixes">
                    <button
                      type="button"
                      className="lf-fix lf-fix--quiet"
                      onClick={() =>
                        store.getState().setFindingAccepted(findingKey(finding), false)
                      }
                    >
                      Show again
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {showHidden && (
            <ShowMore
              left={hidden.length - shown.hidden}
              noun="marked as intended"
              onClick={() => showMore('hidden')}
            />
          )}
        </section>
      )}
    </section>
  );
}

/** "Show 100 more warnings (128 not shown)": the next page of a list, while any is left. */
function ShowMore({ left, noun, onClick }: { left: number; noun: string; onClick: () => void }) {
  if (left <= 0) return null;
  return (
    <button type="button" className="lf-findings__more" onClick={onClick}>
      Show {Math.min(left, FINDINGS_PAGE)} more {noun} ({left} not shown)
    </button>
  );
}

/** The owner's reason for marking a finding as intended, when they gave one. */
function MarkReason({ note }: { note: string | undefined }) {
  if (!note) return null;
  return <p className="lf-finding__why lf-finding__reason">Reason: {note}</p>;
}
