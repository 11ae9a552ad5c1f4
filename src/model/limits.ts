/** Bounds on everything that comes from outside (files, clipboard, storage). */
export const LIMITS = {
  /** Largest file accepted, in bytes (checked before parsing where the size is known). */
  maxFileBytes: 20 * 1024 * 1024,
  maxNodes: 50_000,
  maxEdges: 150_000,
  maxIdLength: 100,
  maxLabelLength: 500,
  maxNameLength: 200,
  maxNotesLength: 5_000,
  maxOwnerLength: 100,
  maxPeople: 500,
  maxCoordinate: 10_000_000,
} as const;

/** The smallest and largest size a person may give a step (NodeResizer's bounds). */
export const MIN_STEP_SIZE = { width: 60, height: 36 } as const;
export const MAX_STEP_SIZE = { width: 600, height: 400 } as const;
