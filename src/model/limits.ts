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
