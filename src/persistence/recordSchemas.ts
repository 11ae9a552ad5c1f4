import { z } from 'zod';
import { NODE_KINDS } from '../model';

const time = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();

/** A small drawing of a map for the library view: boxes and lines, no labels. */
export const mapPreviewSchema = z.object({
  width: z.number().finite().nonnegative(),
  height: z.number().finite().nonnegative(),
  nodes: z.array(
    z.object({ x: z.number().finite(), y: z.number().finite(), kind: z.enum(NODE_KINDS) }),
  ),
  edges: z.array(z.tuple([count, count])),
});

/** One map in the library: its summary and the pointer to its current version. */
export const mapRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  createdAt: time,
  updatedAt: time,
  /** When the map was moved to the trash; null while it is live. */
  trashedAt: time.nullable(),
  /** The id of the version record that holds the current map (the head). */
  headVersionId: z.string().min(1),
  /** Goes up by one on every save; tabs use it to notice each other's writes. */
  revision: count,
  /** File format version of the head, so a newer app's data is never overwritten. */
  schemaVersion: z.number().int(),
  nodeCount: count,
  /** When the saved content was edited (not when it was written); orders rescue copies. */
  editedAt: time,
  /** The tab that wrote the head, if known. */
  savedBy: z.string().nullable(),
  preview: mapPreviewSchema,
  /**
   * Copies of the head version's `startedAt` and `sealed`, so a save can decide whether to
   * replace the head without reading the head's text. Missing on records written before.
   */
  headStartedAt: time.optional(),
  headSealed: z.boolean().optional(),
});

/** A library entry without its preview: what a save needs, validated cheaply. */
export const mapRecordCoreSchema = mapRecordSchema.omit({ preview: true });

/** One saved version of a map: the map file's text plus a little metadata. */
export const versionRecordSchema = z.object({
  id: z.string().min(1),
  mapId: z.string().min(1),
  /** When this version was last written. */
  savedAt: time,
  /** When the burst of saves this version coalesces began. */
  startedAt: time,
  /** A sealed version is never replaced by a coalesced save (set before a restore). */
  sealed: z.boolean(),
  schemaVersion: z.number().int(),
  size: count,
  nodeCount: count,
  /** The map file's text; only its first piece when `pieces` is set (see `putVersion`). */
  text: z.string(),
  /** How many more records (ids `<id>:1`, `<id>:2`, …) hold the rest of a long text. */
  pieces: count.optional(),
  /** Checksum of the whole text as this app wrote it (see `TextChecksum`); missing on older records. */
  checksum: z.string().optional(),
});

export const viewportSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  zoom: z.number().finite().positive(),
});

/** Small app state kept between sessions. */
export const appMetaSchema = z.object({
  openMapId: z.string().min(1).optional(),
  viewport: viewportSchema.optional(),
});

export type MapPreview = z.infer<typeof mapPreviewSchema>;
export type MapRecord = z.infer<typeof mapRecordSchema>;
export type VersionRecord = z.infer<typeof versionRecordSchema>;
export type Viewport = z.infer<typeof viewportSchema>;
export type AppMeta = z.infer<typeof appMetaSchema>;
