import './leverage.css';
import { useMemo } from 'react';
import { computeLeverage, formatHours, formatMoney } from '../leverage';
import { useAnalysis } from '../store/AnalysisProvider';
import { useEditor } from '../store/EditorStoreContext';
import { LeverageCsvButton } from './LeverageCsvButton';
import { LeverageHandOffs } from './LeverageHandOffs';
import { LeverageLoadChart, LeverageOwnerSplit } from './LeverageLoadChart';
import { LeverageSettings } from './LeverageSettings';
import { PeopleEditor } from './PeopleEditor';

/**
 * What the owner's time is worth and where it goes: settings and people, hours a week per
 * person against their hours, the owner's productive / non-productive split, cost per case,
 * and the ranked hand-off list with a what-if. Figures come from src/leverage, using the
 * live analysis's expected visits.
 */
export function LeveragePanel() {
  const map = useEditor((s) => s.map);
  const report = useAnalysis((s) => s.report);
  const leverage = useMemo(() => computeLeverage(map, report), [map, report]);
  const money = (x: number) => formatMoney(x, leverage.currency);
  const unowned = leverage.steps.filter((s) => s.ownerByDefault).length;
  const personIndex = (id: string | null) => map.people.findIndex((p) => p.id === id);

  return (
    <section className="lf-leverage" aria-label="Leverage">
      <h2>Leverage</h2>
      <dl className="lf-metrics lf-lev-totals">
        <div>
          <dt>Cost per case</dt>
          <dd>{money(leverage.costPerCase)}</dd>
        </div>
        <div>
          <dt>Cost per week</dt>
          <dd>{money(leverage.costPerCase * leverage.casesPerWeek)}</dd>
        </div>
        <div>
          <dt>Your time is worth</dt>
          <dd>{money(leverage.targetHourlyRate)}/h</dd>
        </div>
        <div>
          <dt>Lead time per case</dt>
          <dd>{formatHours(leverage.leadTimeHoursPerCase)}</dd>
        </div>
      </dl>
      {leverage.outsideHoursPerCase > 0 && (
        <p className="lf-muted lf-lev-hint">
          Of which clients and suppliers take {formatHours(leverage.outsideHoursPerCase)}: in the
          lead time, in no one's hours, at no cost to you.
        </p>
      )}
      <p className="lf-muted lf-lev-hint">
        Your hours count at your target rate; everyone else's at their hourly cost.
        {unowned > 0 &&
          ` ${unowned} ${unowned === 1 ? 'step has' : 'steps have'} no one assigned and ${unowned === 1 ? 'counts' : 'count'} as yours.`}
      </p>
      {leverage.visitsNote && <p className="lf-muted lf-lev-hint">{leverage.visitsNote}</p>}
      <LeverageLoadChart leverage={leverage} personIndex={personIndex} />
      <LeverageOwnerSplit leverage={leverage} />
      <LeverageHandOffs map={map} report={report} leverage={leverage} />
      {leverage.productiveByOthers.length > 0 && (
        <section aria-label="Productive work done by others" className="lf-lev-onetime">
          <h3>Productive work done by others</h3>
          <p className="lf-muted lf-lev-hint">
            Productive work is yours to keep; never ranked for handing off.
          </p>
          <ul>
            {leverage.productiveByOthers.map((s) => (
              <li key={s.nodeId}>
                {s.label.trim() || 'Unnamed step'}:{' '}
                {map.people.find((p) => p.id === s.doerId)?.name ?? 'someone else'},{' '}
                {formatHours(s.hoursPerWeek)} a week
              </li>
            ))}
          </ul>
        </section>
      )}
      {leverage.oneTimeSteps.length > 0 && (
        <section aria-label="One-time steps" className="lf-lev-onetime">
          <h3>One-time projects</h3>
          <ul>
            {leverage.oneTimeSteps.map((s) => (
              <li key={s.nodeId}>
                {s.label.trim() || 'Unnamed step'}: {formatHours(s.oneTimeHours)},{' '}
                {money(s.oneTimeCost)} once
              </li>
            ))}
          </ul>
        </section>
      )}
      <LeverageCsvButton map={map} report={report} leverage={leverage} />
      <LeverageSettings />
      <PeopleEditor />
    </section>
  );
}
