import { agreementLines, formatHours, type HandOffPack } from '../../leverage';

/** A picture of a map as an image (the SVG is built from the map, with every label escaped). */
export function MapPicture({ svg, alt }: { svg: string; alt: string }) {
  return (
    <img
      className="lf-pack__picture"
      alt={alt}
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
    />
  );
}

/** One hand-off pack as a printable document. */
export function PackDocument({ pack, picture }: { pack: HandOffPack; picture: string }) {
  const agreed = agreementLines(pack.agreement);
  return (
    <article className="lf-pack__doc" aria-label={`Hand-off pack for ${pack.title}`}>
      <header>
        <h1>Hand-off pack: {pack.title}</h1>
        <p className="lf-pack__meta">
          From {pack.ownerName}, {pack.date}. Map: {pack.mapName}, version {pack.mapVersion}.
        </p>
      </header>
      <section aria-label="The part of the map">
        <h2>Where your work sits</h2>
        <MapPicture svg={picture} alt={`${pack.title}'s part of the map`} />
      </section>
      <section aria-label="Agreement">
        <h2>Your agreement</h2>
        {agreed.length === 0 ? (
          <p>No agreement set for the whole role; see each step.</p>
        ) : (
          <dl className="lf-pack__agreement">
            {agreed.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section aria-label="Steps">
        <h2>Your steps, in flow order ({pack.casesPerWeek} cases a week)</h2>
        <ol className="lf-pack__steps">
          {pack.steps.map((s) => (
            <li key={s.id}>
              <h3>
                {s.label}
                {s.kind === 'decision' ? ' (decision)' : ''}
              </h3>
              <dl>
                <div>
                  <dt>Comes in from</dt>
                  <dd>{s.comesFrom.join(', ') || '—'}</dd>
                </div>
                <div>
                  <dt>Goes out to</dt>
                  <dd>{s.goesTo.join(', ') || '—'}</dd>
                </div>
                <div>
                  <dt>Expected time</dt>
                  <dd>
                    {s.durationMinutes === undefined
                      ? 'not set'
                      : `${Math.round(s.durationMinutes * 10) / 10} min`}
                  </dd>
                </div>
                <div>
                  <dt>How often</dt>
                  <dd>{Math.round(s.timesPerWeek * 10) / 10} times a week</dd>
                </div>
                {s.branches.map((b) => (
                  <div key={`${b.label}>${b.to}`}>
                    <dt>If {b.label}</dt>
                    <dd>go to {b.to}</dd>
                  </div>
                ))}
                {s.agreement?.turnaroundHours !== undefined && (
                  <div>
                    <dt>Turnaround</dt>
                    <dd>{formatHours(s.agreement.turnaroundHours)}</dd>
                  </div>
                )}
              </dl>
              <p className="lf-pack__instructions">
                {s.instructions ?? <em>No instructions written yet.</em>}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
