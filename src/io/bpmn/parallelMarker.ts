/**
 * The first line of the notes of a decision imported from a BPMN parallel gateway. Export
 * writes a decision whose notes start with it back as a parallel gateway.
 */
export const PARALLEL_MARKER = 'Parallel gateway (BPMN): every outgoing path is taken at once.';
