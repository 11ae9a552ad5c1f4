/** A dense Mermaid flowchart of `steps` steps, 3 arrows a step (see denseFlowchart.mjs). */
export function denseFlowchart(steps: number, seed?: number): string;
