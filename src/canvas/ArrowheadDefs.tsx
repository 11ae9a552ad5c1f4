/** The id of the arrowhead every arrow on the canvas ends with (see {@link ArrowheadDefs}). */
export const ARROWHEAD_ID = 'lf-canvas-arrowhead';

/**
 * The one arrowhead the canvas's arrows share, drawn as React Flow's closed arrow. Arrows name
 * it by id (`markerEnd: ARROWHEAD_ID`): with a marker object instead, React Flow works out
 * every arrow's marker id each time its arrows change (a big map's arrows are handed over in
 * batches while it fills in) to find the one marker they share.
 */
export function ArrowheadDefs() {
  return (
    <svg className="lf-arrowhead-defs" aria-hidden="true" width="0" height="0">
      <defs>
        <marker
          className="react-flow__arrowhead"
          id={ARROWHEAD_ID}
          markerWidth="18"
          markerHeight="18"
          viewBox="-10 -10 20 20"
          markerUnits="strokeWidth"
          orient="auto-start-reverse"
          refX="0"
          refY="0"
        >
          <polyline
            className="arrowclosed"
            style={{ stroke: 'var(--lf-edge)', fill: 'var(--lf-edge)', strokeWidth: 1 }}
            strokeLinecap="round"
            strokeLinejoin="round"
            points="-5,-4 0,0 -5,4 -5,-4"
          />
        </marker>
      </defs>
    </svg>
  );
}
