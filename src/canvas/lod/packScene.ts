import Flatbush from 'flatbush';
import type { NodeKind } from '../../model';
import type { DrawableScene } from './drawSimpleMap';

/**
 * What the drawing worker needs of a scene, in a form that posts cheaply: the typed arrays,
 * the spatial indexes' raw data and the ids and kinds as flat arrays.
 */
export interface PackedScene {
  ids: string[];
  kinds: NodeKind[];
  edgeIds: string[];
  boxes: Float64Array;
  curves: Float64Array;
  stepIndex: ArrayBuffer | null;
  edgeIndex: ArrayBuffer | null;
}

/**
 * A scene packed to post to the drawing worker (copies: the page keeps its own).
 * @example worker.postMessage({ scene: packScene(scene) })
 */
export function packScene(scene: DrawableScene): PackedScene {
  return {
    ids: scene.nodes.map((n) => n.id),
    kinds: scene.nodes.map((n) => n.kind),
    edgeIds: scene.edges.map((e) => e.id),
    boxes: scene.boxes,
    curves: scene.curves,
    stepIndex: (scene.stepIndex?.data as ArrayBuffer | undefined) ?? null,
    edgeIndex: (scene.edgeIndex?.data as ArrayBuffer | undefined) ?? null,
  };
}

/**
 * The scene a packed one was made from, as far as drawing goes (the indexes rebuilt from their data).
 * @example drawSimpleMap(pen, unpackScene(message.scene), view, colors)
 */
export function unpackScene(packed: PackedScene): DrawableScene {
  return {
    nodes: packed.ids.map((id, i) => ({ id, kind: packed.kinds[i]! })),
    edges: packed.edgeIds.map((id) => ({ id })),
    boxes: packed.boxes,
    curves: packed.curves,
    stepIndex: packed.stepIndex ? Flatbush.from(packed.stepIndex) : null,
    edgeIndex: packed.edgeIndex ? Flatbush.from(packed.edgeIndex) : null,
  };
}
