// Where an import reads its records from: an already parsed value, or a file streamed a chunk at a
// time (see run.ts for why).
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSONParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { GainslyValidationError } from '../../schemas/errors.js';
import { GainslyImportError } from '../../orm/errors.js';
import type { ImportKind } from './kind.js';
import type { ImportSource } from './types.js';

/** Chunks read from a file; the parser holds at most one incomplete record besides. */
const READ_CHUNK_BYTES = 256 * 1024;
/** UTF-8 byte-order mark, which editors on Windows write and JSON.parse rejects. */
const BOM = [0xef, 0xbb, 0xbf] as const;

/** Where an import reads its records from. */
export interface RecordSource {
  /** The file name, when reading a file. */
  file?: string;
  /** The path prefix of the records' issues: `[]` for an array, `['movements']` for the wrapped form. */
  prefix(): (string | number)[];
  /** The records, in order. Throws GainslyValidationError for a file that is not JSON or not the expected shape. */
  records(): AsyncIterable<unknown>;
}

function notTheExpectedShape(kind: ImportKind, inputName: string, received?: unknown): GainslyValidationError {
  return new GainslyValidationError([{ path: [], message: `must be an array of ${kind.label} or { "${kind.wrapper}": [...] }`, ...(received === undefined ? {} : { received }) }], inputName);
}

/** An already parsed source: the array, or the wrapped array, as given. */
function valueSource(data: unknown, kind: ImportKind): RecordSource {
  let records: readonly unknown[];
  let prefix: (string | number)[] = [];
  if (Array.isArray(data)) records = data;
  else if (typeof data === 'object' && data !== null && Array.isArray((data as Record<string, unknown>)[kind.wrapper])) {
    records = (data as Record<string, unknown[]>)[kind.wrapper]!;
    prefix = [kind.wrapper];
  } else throw notTheExpectedShape(kind, kind.label, data);
  return {
    prefix: () => prefix,
    // By index, not for..of: holes (`[ , ]`) become undefined records, reported like any other
    // invalid record instead of vanishing from the counts.
    async *records() {
      for (let index = 0; index < records.length; index += 1) yield records[index];
    },
  };
}

/** Opens the file now, so that an unreadable one fails before the import starts its transaction. */
async function fileSource(path: string, kind: ImportKind): Promise<RecordSource> {
  const file = basename(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    throw new GainslyImportError(`Cannot read ${path}${code ? ` (${code})` : ''}`, { cause });
  }
  let prefix: (string | number)[] = [];
  const invalidJson = (cause: unknown) =>
    new GainslyValidationError([{ path: [], message: `is not valid JSON (${cause instanceof Error ? cause.message : String(cause)})` }], file, { cause });
  return {
    file,
    prefix: () => prefix,
    async *records() {
      const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const ready: unknown[] = [];
      let parser: JSONParser | undefined;
      let wrapped = false;
      // The wrapped form's array is found by following the top-level tokens: the records are
      // emitted (path `$.<wrapper>.*`) without the parser keeping them in the wrapper's array.
      let wrapperFound: 'array' | 'other' | undefined;
      let depth = 0;
      let key: unknown;
      let expectKey = false;
      const watchTopLevel = ({ token, value }: ParsedTokenInfo) => {
        if (depth === 1 && expectKey && token === TokenType.STRING) key = value;
        else if (depth === 1 && token === TokenType.COLON) expectKey = false;
        else if (depth === 1 && token === TokenType.COMMA) expectKey = true;
        else if (depth === 1 && !expectKey && key === kind.wrapper && wrapperFound === undefined) wrapperFound = token === TokenType.LEFT_BRACKET ? 'array' : 'other';
        if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
          depth += 1;
          if (depth === 1) expectKey = true;
        } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth -= 1;
      };
      let first = true;
      try {
        for (;;) {
          let read: number;
          try {
            ({ bytesRead: read } = await handle.read(buffer, 0, buffer.length, null));
          } catch (cause) {
            const code = (cause as { code?: string }).code;
            throw new GainslyImportError(`Cannot read ${path}${code ? ` (${code})` : ''}`, { cause });
          }
          if (read === 0) break;
          let chunk = buffer.subarray(0, read);
          if (first) {
            first = false;
            if (BOM.every((byte, i) => chunk[i] === byte)) chunk = chunk.subarray(BOM.length);
          }
          if (!parser) {
            // The first significant byte says which form the file has; whitespace before it is skipped.
            const at = chunk.findIndex((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
            if (at === -1) continue;
            const opening = chunk[at];
            if (opening !== 0x5b && opening !== 0x7b) {
              // Not an array or an object: JSON.parse says whether it is JSON at all.
              throw notTheExpectedShape(kind, file);
            }
            wrapped = opening === 0x7b;
            prefix = wrapped ? [kind.wrapper] : [];
            parser = new JSONParser({ paths: [wrapped ? `$.${kind.wrapper}.*` : '$.*'], keepStack: false });
            parser.onValue = ({ value }) => void ready.push(value);
            if (wrapped) parser.onToken = watchTopLevel;
          }
          try {
            parser.write(chunk);
          } catch (cause) {
            throw invalidJson(cause);
          }
          // Records are handed over after each chunk: the reader waits while they are written.
          for (const record of ready.splice(0)) yield record;
        }
        if (!parser) throw invalidJson(new Error('the file is empty'));
        try {
          if (!parser.isEnded) parser.end();
        } catch (cause) {
          throw invalidJson(cause);
        }
        for (const record of ready.splice(0)) yield record;
        if (wrapped && wrapperFound !== 'array') throw notTheExpectedShape(kind, file);
      } finally {
        await handle.close();
      }
    },
  };
}

export async function openSource(source: ImportSource, kind: ImportKind): Promise<RecordSource> {
  if (typeof source !== 'string' && !(source instanceof URL)) return valueSource(source, kind);
  return fileSource(source instanceof URL ? fileURLToPath(source) : source, kind);
}
