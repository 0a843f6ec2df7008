// The arguments of the user-data functions (src/modules/user-data.ts): export and erase options, the
// export's destination and the document an import reads. Here with the other schemas so the root
// entry loads zod only when it validates (docs/performance.md, "Cold start").
// Namespace import (zod's recommended form): a named `z` import defeats tree-shaking of zod's locales in browser bundles.
import * as z from 'zod';
import { USER_EXPORT_FORMAT, USER_EXPORT_VERSION } from '../user-export-format.js';

/** What `writeUserExport` accepts besides a path: a Node `Writable`, checked by shape (no Node import here). */
interface StreamLike {
  write(chunk: unknown): unknown;
  once(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * The options of `exportUserData` and `writeUserExport`.
 * @example
 * ```ts
 * exportOptionsSchema.parse({ batchSize: 500 }); // ok; { batchSize: 0 } is refused
 * ```
 * @internal
 */
export const exportOptionsSchema = z.strictObject({
  batchSize: z.number().int().min(1).max(100_000).optional(),
  schema: z.string().min(1).max(63).optional(),
});
/**
 * Where `writeUserExport` writes: a file path (no NUL, which no file system accepts) or anything
 * with a stream's `write` and `once`.
 * @example
 * ```ts
 * destinationSchema.parse('user-7.json'); // 'user-7.json'
 * ```
 * @internal
 */
export const destinationSchema = z.union([
  z.string().min(1).max(4096).refine((path) => !path.includes('\u0000'), 'a file path cannot contain NUL'),
  z.custom<StreamLike>((v) => typeof v === 'object' && v !== null && typeof (v as StreamLike).write === 'function' && typeof (v as StreamLike).once === 'function', 'a file path or a writable stream'),
]);
/**
 * The options of `eraseUserData`.
 * @example
 * ```ts
 * eraseOptionsSchema.parse({ dryRun: true });
 * ```
 * @internal
 */
export const eraseOptionsSchema = z.strictObject({ dryRun: z.boolean().optional(), schema: z.string().min(1).max(63).optional() });
/**
 * The options of `importUserData`: those of an erase (`dryRun`, `schema`).
 * @example
 * ```ts
 * importOptionsSchema.parse({ schema: 'staging' });
 * ```
 * @internal
 */
export const importOptionsSchema = eraseOptionsSchema;

const rowSchema = z.record(z.string(), z.unknown());
/**
 * The shape of the document `importUserData` reads (format, version, tables of row objects); the
 * column values are PostgreSQL's to check.
 * @example
 * ```ts
 * userExportDocumentSchema.safeParse(JSON.parse(text)).success;
 * ```
 * @internal
 */
export const userExportDocumentSchema = z.object({
  format: z.literal(USER_EXPORT_FORMAT),
  version: z.literal(USER_EXPORT_VERSION),
  exportedAt: z.string().optional(),
  user: z.object({ id: z.number().int() }).loose().optional(),
  references: z.record(z.string(), z.array(z.object({ id: z.number().int(), name: z.string() }))).optional(),
  tables: z.record(z.string(), z.array(rowSchema)),
  counts: z.record(z.string(), z.number()).optional(),
});
