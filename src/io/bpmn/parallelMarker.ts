/**
 * The first line of the notes of a decision that Leverflow before file version 3 imported
 * from a BPMN parallel gateway (now a `parallel` step). Export still writes such a decision
 * back as a parallel gateway, so maps imported then keep their gateways.
 */
export const PARALLEL_MARKER = 'Parallel gateway (BPMN): every outgoing path is taken at once.';
