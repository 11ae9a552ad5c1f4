import { formatHours, formatPercent, isOutside, type Leverage, ownerColor } from '../leverage';

/** Hours a week per person as bars against their available hours, with the numbers in text. */
export function LeverageLoadChart({
  leverage,
  personIndex,
}: {
  leverage: Leverage;
  /** Index in map.people, for the person's colour (the implicit owner is -1). */
  personIndex: (personId: string | null) => number;
}) {
  // Outside parties' time is in no one's hours.
  const shown = leverage.people.filter(
    (p) => !isOutside(p.role) && (p.hoursPerWeek > 0 || p.availableHoursPerWeek > 0),
  );
  if (shown.length === 0) return null;
  const scale = Math.max(1, ...shown.map((p) => Math.max(p.hoursPerWeek, p.availableHoursPerWeek)));
  return (
    <section aria-label="Hours a week per person" className="lf-lev-load">
      <h3>Hours a week</h3>
      <ul>
        {shown.map((p) => {
          const over = p.utilisation !== null ? p.utilisation > 1 : p.hoursPerWeek > 0;
          const near = p.utilisation !== null && p.utilisation >= 0.85 && !over;
          const of = `${formatHours(p.hoursPerWeek)} of ${formatHours(p.availableHoursPerWeek)}`;
          const share = p.utilisation === null ? '' : ` (${formatPercent(p.utilisation)})`;
          return (
            <li key={p.personId ?? '(owner)'}>
              <div className="lf-lev-load__label">
                <span>
                  <span
                    className="lf-lev-swatch"
                    style={{ background: ownerColor(Math.max(0, personIndex(p.personId))) }}
                    aria-hidden="true"
                  />
                  {p.name}
                </span>
                <span className={over ? 'lf-lev-over' : near ? 'lf-lev-near' : undefined}>
                  {of}
                  {share}
                </span>
              </div>
              <div className="lf-lev-bar" aria-hidden="true">
                <div
                  className="lf-lev-bar__available"
                  style={{ width: `${(p.availableHoursPerWeek / scale) * 100}%` }}
                />
                {p.availableHoursPerWeek > 0 && (
                  <div
                    className="lf-lev-bar__limit"
                    style={{ left: `${(p.availableHoursPerWeek / scale) * 100}%` }}
                  />
                )}
                <div
                  className={`lf-lev-bar__used${over ? ' is-over' : near ? ' is-near' : ''}`}
                  style={{ width: `${(p.hoursPerWeek / scale) * 100}%` }}
                />
              </div>
              {p.oneTimeHours > 0 && (
                <p className="lf-muted lf-lev-hint">
                  Plus {formatHours(p.oneTimeHours)} of one-time projects.
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The owner's routine hours a week: productive, non-productive and not marked. */
export function LeverageOwnerSplit({ leverage }: { leverage: Leverage }) {
  const {
    productiveHoursPerWeek: p,
    nonProductiveHoursPerWeek: n,
    unmarkedHoursPerWeek: u,
  } = leverage.owner;
  const total = p + n + u;
  if (total <= 0) return null;
  const parts = [
    { key: 'productive', name: 'Productive', hours: p },
    { key: 'non-productive', name: 'Non-productive', hours: n },
    { key: 'unmarked', name: 'Not marked', hours: u },
  ].filter((x) => x.hours > 0);
  return (
    <section aria-label="Your productive and non-productive hours" className="lf-lev-split">
      <h3>Your week</h3>
      <div className="lf-lev-stack" aria-hidden="true">
        {parts.map((x) => (
          <div
            key={x.key}
            className={`lf-lev-stack__${x.key}`}
            style={{ width: `${(x.hours / total) * 100}%` }}
          />
        ))}
      </div>
      <ul className="lf-lev-legend">
        {parts.map((x) => (
          <li key={x.key}>
            <span className={`lf-lev-dot lf-lev-stack__${x.key}`} aria-hidden="true" />
            {x.name}: {formatHours(x.hours)} ({formatPercent(x.hours / total)})
          </li>
        ))}
      </ul>
    </section>
  );
}
