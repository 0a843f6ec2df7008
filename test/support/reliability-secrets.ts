/**
 * Helpers of the secrets tests: URLs that carry a password, and everything an error can show
 * (message, stack, String(), JSON, util.inspect, the cause chain) collected into text to scan.
 */
import { inspect } from 'node:util';

/** A password that cannot occur by accident in any output. */
export const FAKE_PASSWORD = 'S3cr3t-P4ss-9f27c1';

/** The decoded password of a URL, or `undefined`. */
export function passwordOf(url: string): string | undefined {
  try {
    const p = new URL(url).password;
    return p ? decodeURIComponent(p) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `url` with a password: its own when it has one (the embedded test server checks it), else
 * {@link FAKE_PASSWORD} (the local server's trust authentication accepts any password).
 */
export function withPassword(url: string, password = FAKE_PASSWORD): string {
  if (passwordOf(url)) return url;
  const u = new URL(url);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** The forms of a secret that must never appear: raw and URL-encoded. */
export function secretForms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret)])];
}

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString();
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[circular]';
        seen.add(v);
      }
      return v;
    }) ?? '';
  } catch (error) {
    return `[unserialisable: ${String(error)}]`;
  }
}

/**
 * Every textual form of a thrown value and of each error in its `cause` chain: `String(e)`,
 * message, stack, `JSON.stringify` of its own properties, `util.inspect` (depth 5, which also shows
 * nested causes and own properties such as a driver error's fields).
 */
export function errorTexts(error: unknown): string[] {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth++) {
    texts.push(String(current));
    if (current instanceof Error) {
      texts.push(current.message, current.stack ?? '');
      const own: Record<string, unknown> = {};
      for (const key of Object.getOwnPropertyNames(current)) own[key] = (current as unknown as Record<string, unknown>)[key];
      texts.push(safeJson(own));
    } else {
      texts.push(safeJson(current));
    }
    texts.push(inspect(current, { depth: 5, showHidden: false, breakLength: Infinity }));
    current = current instanceof Error ? current.cause : undefined;
  }
  return texts;
}

/** The places where a secret occurs, each with a little context (the secret itself replaced). */
export function findSecrets(texts: readonly string[], secrets: readonly string[]): string[] {
  const hits: string[] = [];
  for (const text of texts) {
    for (const secret of secrets.flatMap(secretForms)) {
      let at = text.indexOf(secret);
      while (at >= 0) {
        hits.push(`…${text.slice(Math.max(0, at - 60), at)}<SECRET>${text.slice(at + secret.length, at + secret.length + 60)}…`);
        at = text.indexOf(secret, at + 1);
      }
    }
  }
  return hits;
}
