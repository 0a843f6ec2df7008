// Mutation testing (issue #24, test/README.md): password masking of connection strings that do not
// parse as URLs (src/setup/database-url.ts), where each rule of the text masking has a case of its
// own, and the pglite: forms of parseDatabaseUrl. Every masked output is written out by hand.
import { describe, expect, it } from 'vitest';
import { maskDatabaseUrl, parseDatabaseUrl } from '../../src/setup/database-url.js';

describe('maskDatabaseUrl: strings that are not URLs are masked as text', () => {
  it.each([
    // `//user:password@` up to the LAST '@': a password may hold '@'.
    ['postgres://gainsly:p@ss@[bad/db', 'postgres://gainsly:***@[bad/db'],
    ['postgres://:secret@[bad/db', 'postgres://:***@[bad/db'],
    ['x //gainsly:secret@host', 'x //gainsly:***@host'],
    // A leading `user:password@` (no `//`), also with '@' in the password.
    ['gainsly:p@ss@db:5432/gainsly', 'gainsly:***@db:5432/gainsly'],
    ['g:s@[bad', 'g:***@[bad'],
    // `new URL` ignores leading blanks: this parses (scheme `gainsly:`), so it must be masked too.
    [' gainsly:secret@db/g', ' gainsly:***@db/g'],
    ['\tgainsly:secret@db/g', '\tgainsly:***@db/g'],
    ['url gainsly:secret@db/g', 'url gainsly:***@db/g'],
    // Secret query parameters, up to the next '&' or '#', any case.
    ['postgres://[bad/db?sslpassword=key&oauth_client_secret=s#frag', 'postgres://[bad/db?sslpassword=***&oauth_client_secret=***#frag'],
    ['postgres://[bad/db?a=1&PASSWORD=p1&password=p2', 'postgres://[bad/db?a=1&PASSWORD=***&password=***'],
    ['postgres://[bad/db?mypassword=keep', 'postgres://[bad/db?mypassword=keep'],
    // libpq keyword/value strings.
    ['host=db password=secret user=app', 'host=db password=*** user=app'],
    ['password=secret', 'password=***'],
    ['host=db\tPASSWORD = secret', 'host=db\tPASSWORD = ***'],
    ["host=db password='my secret' user=app", 'host=db password=*** user=app'],
    ["host=db sslpassword='it\\'s' user=app", 'host=db sslpassword=*** user=app'],
    ["password='unterminated secret", 'password=***'],
    ['oauth_client_secret=abc dbname=g', 'oauth_client_secret=*** dbname=g'],
    // libpq skips blanks after '=': the value is the next word, here "user=app".
    ['host=db password= user=app', 'host=db password= ***'],
    ['mypassword=keep host=db', 'mypassword=keep host=db'],
  ])('%s -> %s', (text, masked) => {
    expect(maskDatabaseUrl(text)).toBe(masked);
  });

  it('a password never survives in any of these forms', () => {
    for (const text of ['postgres://u:hunter2@[::1', 'u:hunter2@h', 'host=h password=hunter2', "password='hunter2'", 'x?password=hunter2', 'x&sslpassword=hunter2']) {
      expect(maskDatabaseUrl(text), text).not.toContain('hunter2');
    }
  });
});

describe('maskDatabaseUrl: URLs', () => {
  it('masks the password and every secret parameter, keeps the rest', () => {
    expect(maskDatabaseUrl('postgres://gainsly:secret@db/gainsly?oauth_client_secret=s&application_name=app')).toBe(
      'postgres://gainsly:***@db/gainsly?oauth_client_secret=***&application_name=app',
    );
    expect(maskDatabaseUrl('postgresql://db/g?password=a&password=b')).toBe('postgresql://db/g?password=***');
  });

  it('a secret parameter is found under its percent-encoded name too (libpq decodes names)', () => {
    expect(maskDatabaseUrl('postgres://db/g?pass%77ord=secret')).toBe('postgres://db/g?password=***');
    expect(maskDatabaseUrl('pglite:./data?pass%77ord=secret')).toBe('pglite:./data?password=***');
  });

  it('a URL without a host and without "@" has nothing to mask', () => {
    expect(maskDatabaseUrl('pglite:./data')).toBe('pglite:./data');
    expect(maskDatabaseUrl('pglite:./data?password=x')).toBe('pglite:./data?password=***');
  });
});

describe('parseDatabaseUrl: errors never show the password', () => {
  it('a scheme-less URL with a leading blank', () => {
    expect(() => parseDatabaseUrl(' gainsly:secret@db/g')).toThrow(
      'Unsupported database URL scheme "gainsly:" in  gainsly:***@db/g. Use postgres://, postgresql://, pglite: or pglite:<dir>.',
    );
  });
});

describe('parseDatabaseUrl: pglite directories', () => {
  it.each([
    ['pglite:data', 'data'],
    ['pglite:/abs/dir', '/abs/dir'],
    ['pglite:////abs', '//abs'],
    ['pglite://rel', '//rel'],
    ['pglite:memory/x', 'memory/x'],
  ])('%s -> %s', (url, dataDir) => {
    expect(parseDatabaseUrl(url)).toEqual({ kind: 'pglite', dataDir });
  });

  it('a nested path after the database name is part of the name', () => {
    expect(parseDatabaseUrl('postgres://h/a/b')).toEqual({ kind: 'postgresql', url: 'postgres://h/a/b', dbName: 'a/b' });
  });
});
