// The user export's format marker and layout version: plain constants, apart from the document's
// schema (inputs/user-data.ts) so the root entry exports them without loading zod.

/**
 * The `format` of a {@link UserExportDocument}.
 *
 * @example
 * ```ts
 * if (doc.format !== USER_EXPORT_FORMAT) throw new Error('not a Gainsly user export');
 * ```
 */
export const USER_EXPORT_FORMAT = 'gainsly-user-export';
/**
 * The `version` of the {@link UserExportDocument} layout this library writes and reads. A change
 * a reader of version 1 would misread gets a new version.
 *
 * @example
 * ```ts
 * if (doc.version > USER_EXPORT_VERSION) throw new Error('exported by a newer @gainsly/db');
 * ```
 */
export const USER_EXPORT_VERSION = 1;
