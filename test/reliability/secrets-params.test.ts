/**
 * Secret masking for every secret-bearing connection parameter libpq knows, wherever the library
 * prints a URL or fails with one: maskDatabaseUrl, the configuration errors of createGainslyOrm
 * (bad scheme, no database name, not a URL), a failed connection (nothing listening),
 * and the CLI's output (text and --json). libpq's secret-bearing parameters: the URL's userinfo
 * password, `password`, `sslpassword` (the client key's passphrase) and, since PostgreSQL 18,
 * `oauth_client_secret`. Each is tried as a URL query parameter, percent-encoded, and in libpq's
 * keyword/value form (`host=… password=…`), which users paste into DATABASE_URL too.
 *
 * Paths (`passfile`, `sslkey`, `sslcert`, `sslrootcert`, `sslkeylogfile`) name files, not secrets,
 * and may be shown.
 */
import { describe, expect, it } from 'vitest';
import { createGainslyOrm, GainslyConfigError, maskDatabaseUrl } from '../../src/index.js';
import { runCli } from '../../src/cli/program.js';
import { errorTexts } from '../support/reliability-secrets.js';

/** libpq's connection parameters whose value is a secret (PostgreSQL 18's list). */
const SECRET_PARAMETERS = ['password', 'sslpassword', 'oauth_client_secret'] as const;

/** Distinct secrets per place, so a leak names its source. Contain URL-special characters. */
const S = {
  userinfo: 'Ui-s3cret@#:/?x',
  password: 'Qp-s3cret&=/é',
  sslpassword: 'Ssl-s3cret #+',
  oauth_client_secret: 'OAuth-s3cret;%x',
} as const;

/** Every form a secret could be printed in: raw, URL-encoded (both flavours), form-encoded. */
function forms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), escape(secret)])];
}

function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.flatMap((secret) => forms(secret).filter((form) => text.includes(form)));
}

const q = (key: string, value: string) => `${key}=${encodeURIComponent(value)}`;

/** URLs that carry secrets, each a [label, url, secrets it carries]. Port 1: nothing listens there. */
function urls(base = 'postgres', host = '127.0.0.1:1', db = '/gainsly'): [string, string, string[]][] {
  const out: [string, string, string[]][] = [[`userinfo password`, `${base}://app:${encodeURIComponent(S.userinfo)}@${host}${db}`, [S.userinfo]]];
  for (const key of SECRET_PARAMETERS) {
    const secret = S[key];
    out.push([`?${key}=`, `${base}://app@${host}${db}?${q(key, secret)}`, [secret]]);
    out.push([`?sslmode=require&${key}= (not first)`, `${base}://app@${host}${db}?sslmode=require&${q(key, secret)}`, [secret]]);
  }
  out.push([
    'all of them at once',
    `${base}://app:${encodeURIComponent(S.userinfo)}@${host}${db}?${SECRET_PARAMETERS.map((key) => q(key, S[key])).join('&')}`,
    [S.userinfo, ...SECRET_PARAMETERS.map((key) => S[key])],
  ]);
  return out;
}

/** libpq keyword/value strings (not URLs): what users sometimes put in DATABASE_URL. */
const KEYWORD_VALUE: [string, string, string[]][] = SECRET_PARAMETERS.flatMap((key): [string, string, string[]][] => [
  [`keyword/value ${key}=plain`, `host=127.0.0.1 port=1 dbname=gainsly ${key}=Kv-${key}-s3cret user=app`, [`Kv-${key}-s3cret`]],
  [`keyword/value ${key}='quoted value'`, `host=127.0.0.1 ${key}='Kv ${key} s3cret' dbname=gainsly`, [`Kv ${key} s3cret`]],
  [`keyword/value ${key} = spaced`, `host=127.0.0.1 ${key} = Kvsp-${key}-s3cret dbname=gainsly`, [`Kvsp-${key}-s3cret`]],
]);

describe('maskDatabaseUrl hides every secret-bearing parameter', () => {
  for (const [label, url, secrets] of [...urls(), ...urls('postgresql'), ...KEYWORD_VALUE]) {
    it(`${label}: ${url.slice(0, 24)}…`, () => {
      const masked = maskDatabaseUrl(url);
      expect(leaks(masked, secrets)).toEqual([]);
      expect(masked).toContain('***');
    });
  }
  it('keeps what is not secret: user, host, port, database, sslmode, file paths', () => {
    const masked = maskDatabaseUrl(`postgres://app:${encodeURIComponent(S.userinfo)}@db.internal:6543/gainsly?sslmode=verify-full&sslkey=/keys/client.key&passfile=/home/app/.pgpass&${q('sslpassword', S.sslpassword)}`);
    for (const kept of ['app', 'db.internal', '6543', '/gainsly', 'sslmode=verify-full', 'sslkey=', 'passfile=']) expect(masked).toContain(kept);
  });
  it.each([
    ['postgres://u:p@ss@[::1', 'postgres://u:***@[::1'],
    ['postgres://u:pa@ss@host:notaport/db', 'postgres://u:***@host:notaport/db'],
    ['u:p@s/s@host/db', 'u:***@host/db'],
  ])('an unparseable URL whose password holds @: %s is masked up to the last @', (url, expected) => {
    expect(maskDatabaseUrl(url)).toBe(expected);
  });
  it('an unparseable URL (bad port) is masked as text', () => {
    const url = `postgres://app:${encodeURIComponent(S.userinfo)}@127.0.0.1:notaport/gainsly?${SECRET_PARAMETERS.map((key) => q(key, S[key])).join('&')}`;
    expect(leaks(maskDatabaseUrl(url), [S.userinfo, ...SECRET_PARAMETERS.map((key) => S[key])])).toEqual([]);
  });
});

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('errors naming a URL: configuration errors and a failed connection', () => {
  const cases: [string, string, string[]][] = [
    ...urls('mysql').map(([label, url, secrets]): [string, string, string[]] => [`unsupported scheme, ${label}`, url, secrets]),
    ...urls('postgres', '127.0.0.1:5432', '/').map(([label, url, secrets]): [string, string, string[]] => [`no database name, ${label}`, url, secrets]),
    ...urls('postgres', '127.0.0.1:notaport').map(([label, url, secrets]): [string, string, string[]] => [`not a URL (bad port), ${label}`, url, secrets]),
    ...KEYWORD_VALUE,
  ];
  for (const [label, url, secrets] of cases) {
    it(`createGainslyOrm: ${label}`, async () => {
      const error = await failureOf(() => createGainslyOrm({ url }));
      expect(error).toBeInstanceOf(GainslyConfigError);
      expect(leaks(errorTexts(error).join('\n'), secrets)).toEqual([]);
    });
  }
  for (const [label, url, secrets] of urls()) {
    it(`connection refused (nothing on port 1): ${label}`, async () => {
      const error = await failureOf(() => createGainslyOrm({ url, pool: { min: 0 } } as never));
      expect(leaks(errorTexts(error).join('\n'), secrets)).toEqual([]);
    });
  }
});

class Capture {
  text = '';
  isTTY = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

describe('the CLI prints no secret, given the URL by --url or the environment, text or --json', () => {
  const all = [...urls(), ...KEYWORD_VALUE, ...urls('mysql')];
  for (const [label, url, secrets] of all) {
    it(`doctor: ${label}`, async () => {
      const runs = [
        ['doctor', '--url', url],
        ['doctor', `--url=${url}`, '--json'],
        ['doctor', '--url', url, '--no-such-option'],
      ];
      let printed = '';
      for (const argv of runs) {
        const stdout = new Capture();
        const stderr = new Capture();
        const code = await runCli(argv, { stdout, stderr, env: {}, cwd: '/tmp' }, '9.9.9');
        expect(code).not.toBe(0);
        printed += stdout.text + stderr.text;
      }
      for (const envName of ['GAINSLY_DATABASE_URL', 'DATABASE_URL']) {
        const stdout = new Capture();
        const stderr = new Capture();
        await runCli(['doctor'], { stdout, stderr, env: { [envName]: url }, cwd: '/tmp' }, '9.9.9');
        printed += stdout.text + stderr.text;
      }
      expect(printed.length).toBeGreaterThan(0);
      expect(leaks(printed, secrets)).toEqual([]);
    });
  }
});
