// The sizes are part of the model (the analyzer places its suggested steps with them too);
// layout, the canvas and the exports read them here.
export { labelLines, NODE_SIZE, stepSize } from '../model/nodeSize';
