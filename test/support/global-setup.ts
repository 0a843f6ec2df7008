/**
 * vitest global setup: find a PostgreSQL server (see pg-server.ts), create and migrate one
 * template database for the whole run, and hand its name and the admin URL to the test files
 * (`inject('gainslyAdminUrl')`, `inject('gainslyTemplateDb')`). Each test file clones the template
 * (test/support/database.ts).
 *
 * Teardown drops every database this run created (the template and all its clones, even those a
 * crashed worker left behind) and stops the embedded server if one was started.
 */
import type { TestProject } from 'vitest/node';
import { resolvePgServer, type PgServer } from './pg-server.js';
import { prepareTemplate } from './template.js';
import { clonePrefix, newTemplateName } from './names.js';
import { quoteIdent, withDatabase, withRawClient } from './pg-client.js';
import { findPgBouncer, startPgBouncer, type PgBouncer } from './pgbouncer.js';
import { buildOwnCliBundle, type CliBundle } from './cli-bundle.js';

/** Drops `template` and every clone of it, forcibly (open connections are terminated). */
export async function dropRunDatabases(adminUrl: string, template: string): Promise<string[]> {
  return withRawClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database
        where datname = $1 or left(datname, length($2)) = $2
        order by datname = $1, datname`, // clones first, the template last
      [template, clonePrefix(template)],
    );
    const dropped: string[] = [];
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      dropped.push(datname);
    }
    return dropped;
  });
}

/** The projects of vitest.config.ts whose tests need no database server. */
const SERVERLESS_PROJECTS = new Set(['unit']);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // One setup serves the whole run (it is the root config's). `vitest run --project unit` needs no
  // server, so none is looked for, started or migrated.
  if (project.vitest.projects.every((p) => SERVERLESS_PROJECTS.has(p.name))) {
    console.log('[gainsly tests] unit tests only: no PostgreSQL needed');
    return async () => undefined;
  }
  const server: PgServer = await resolvePgServer();
  console.log(`[gainsly tests] PostgreSQL: ${server.description}`);

  const template = newTemplateName();
  const started = Date.now();
  // The CLI bundle builds while the template migrates (one build for every file that spawns the CLI).
  const cliBuild = buildOwnCliBundle();
  cliBuild.catch(() => undefined);
  try {
    await withRawClient(server.adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(template)}`));
    const { detail } = await prepareTemplate(withDatabase(server.adminUrl, template));
    console.log(`[gainsly tests] template ${template}: ${detail} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await dropRunDatabases(server.adminUrl, template).catch(() => undefined);
    await server.stop();
    await (await cliBuild.catch(() => undefined))?.remove();
    throw error;
  }
  let cli: CliBundle;
  try {
    cli = await cliBuild;
  } catch (error) {
    await dropRunDatabases(server.adminUrl, template).catch(() => undefined);
    await server.stop();
    throw error;
  }
  project.provide('gainslyCliBundle', cli.cli);

  project.provide('gainslyAdminUrl', server.adminUrl);
  project.provide('gainslyTemplateDb', template);

  // For the `pgbouncer` project (vitest.config.ts), whose files ask for it with the static
  // `provide: { gainslyThroughPgBouncer: true }`: one PgBouncer in front of the server for the run.
  // The global setup runs once for all projects, so it is started whenever pgbouncer is installed.
  let bouncer: PgBouncer | undefined;
  if (findPgBouncer()) {
    try {
      // Room for the tests' own observer and lock-holding connections beside the library's; the
      // one-server-connection case is test/reliability/pgbouncer.test.ts's own PgBouncer.
      bouncer = await startPgBouncer(server.adminUrl, { poolSize: 20 });
    } catch (error) {
      await dropRunDatabases(server.adminUrl, template).catch(() => undefined);
      await server.stop();
      await cli.remove();
      throw error;
    }
    console.log(`[gainsly tests] PgBouncer (transaction pooling) on 127.0.0.1:${bouncer.port} in front of it`);
    project.provide('gainslyPgBouncerPort', bouncer.port);
  }

  return async function teardown() {
    await cli.remove();
    try {
      await bouncer?.stop();
      const dropped = await dropRunDatabases(server.adminUrl, template);
      const leftovers = dropped.filter((name) => name !== template);
      if (leftovers.length > 0) {
        console.warn(`[gainsly tests] dropped ${leftovers.length} clone(s) a test file did not drop itself: ${leftovers.join(', ')}`);
      }
    } finally {
      await server.stop();
    }
  };
}
