import { Command } from 'commander';
import type { MikroORM } from '@mikro-orm/postgresql';
import { MIGRATIONS } from '../../../migrations/index.js';
import { MIGRATIONS_TABLE } from '../../setup/config.js';
import { migrate, runMigrationsLocked } from '../../setup/create-orm.js';
import { plural, withDatabase, type CliContext } from '../context.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import type { Output } from '../output.js';
import { sql } from 'kysely';
import { executeBound } from '../../orm/bound-query.js';

/**
 * One row of `migrate status`.
 * @example
 * ```ts
 * const row: MigrationStatusRow = { name: '0001-upstream-schema', state: 'applied', appliedAt: '2026-01-05T10:00:00.000Z', known: true };
 * ```
 */
export interface MigrationStatusRow {
  name: string;
  state: 'applied' | 'pending';
  /** ISO timestamp of when it was applied (UTC), `null` when pending. */
  appliedAt: string | null;
  /** `false` for a migration recorded in the database that this version of the library does not ship. */
  known: boolean;
}

/**
 * Every migration the library ships and every one recorded in the database, in order, read with
 * plain SQL: asking MikroORM's migrator would create the migrations table (and even the
 * database) as a side effect of a read-only status query.
 *
 * @example
 * ```ts
 * const rows = await migrationStatus(orm);
 * rows.filter((r) => r.state === 'pending').map((r) => r.name);
 * ```
 */
export async function migrationStatus(orm: MikroORM): Promise<MigrationStatusRow[]> {
  const em = orm.em.fork();
  const [probe] = await executeBound<{ present: boolean }>(em, sql`select to_regclass(${MIGRATIONS_TABLE}) is not null as present`);
  const recorded = probe?.present
    ? await executeBound<{ name: string; executed_at: Date | string | null }>(em, sql`select name, executed_at from ${sql.table(MIGRATIONS_TABLE)} order by id`)
    : [];
  const appliedAt = new Map(recorded.map((r) => [r.name, r.executed_at == null ? null : new Date(r.executed_at).toISOString()]));
  const shipped = MIGRATIONS.map((m) => m.name);
  const rows: MigrationStatusRow[] = shipped.map((name) => ({
    name,
    state: appliedAt.has(name) ? 'applied' : 'pending',
    appliedAt: appliedAt.get(name) ?? null,
    known: true,
  }));
  for (const r of recorded) {
    if (!shipped.includes(r.name)) rows.push({ name: r.name, state: 'applied', appliedAt: appliedAt.get(r.name) ?? null, known: false });
  }
  return rows;
}

/** Runs `fn` with a progress bar ticking on the migrator's events (drawn only on a terminal). */
async function withMigrationProgress<T>(orm: MikroORM, out: Output, label: string, total: number, fn: () => Promise<T>): Promise<T> {
  const progress = out.progress(label, total);
  let done = 0;
  const tick = () => progress.update(++done);
  const events = label === 'reverting' ? (['reverted'] as const) : (['migrated'] as const);
  for (const event of events) orm.migrator.on(event, tick);
  try {
    return await fn();
  } finally {
    for (const event of events) orm.migrator.off(event, tick);
    progress.stop();
  }
}

function firstLine(error: unknown): string {
  return (String((error as Error)?.message ?? error).split('\n')[0] ?? '').replace(/\.$/, '');
}

function checkKnown(name: string, rows: MigrationStatusRow[], what: string): void {
  if (!rows.some((r) => r.name === name)) {
    throw new UsageError(`Unknown migration "${name}" for --to ${what}; known: ${rows.map((r) => r.name).join(', ') || 'none'}. Run \`gainsly-db migrate status\` to list them.`);
  }
}

/**
 * `gainsly-db migrate up | down | status`.
 *
 * @example
 * ```ts
 * program.addCommand(migrateCommand(ctx));
 * ```
 */
export function migrateCommand(ctx: CliContext): Command {
  const { out } = ctx;
  const migrateCmd = new Command('migrate').description('apply, revert or list the library migrations');

  migrateCmd
    // `gainsly-db migrate` alone migrates up, as `mikro-orm migration:up` / `prisma migrate deploy` users expect.
    .command('up', { isDefault: true })
    .description('apply pending migrations, in one transaction (all or nothing); the default')
    .option('--to <name>', 'stop after this migration instead of applying all')
    .addHelpText('after', '\nExamples:\n  $ gainsly-db migrate up --url postgres://app@db:5432/gainsly\n  $ GAINSLY_DATABASE_URL=pglite:./data gainsly-db migrate up --json')
    .action(async (opts: { to?: string }, command: Command) => {
      await withDatabase(ctx, command, async (orm, conn) => {
        const before = await migrationStatus(orm);
        if (opts.to !== undefined) checkKnown(opts.to, before, 'up');
        const pendingCount = before.filter((r) => r.state === 'pending').length;
        const applied =
          pendingCount === 0
            ? []
            : await withMigrationProgress(orm, out, 'migrating', pendingCount, async () =>
                opts.to === undefined ? (await migrate(orm)).applied : (await runMigrationsLocked(orm, { to: opts.to })).map((m) => m.name),
              ).catch((error: unknown) => {
                // The usual reason 0001 fails: the upstream Python app created the schema already.
                if (before.every((r) => r.state === 'pending') && /already exists/i.test(String((error as Error)?.message))) {
                  throw new CliError(
                    `${firstLine(error)}. This database already has Gainsly tables (created by the upstream app?): check it with \`gainsly-db doctor\`, then record it with \`gainsly-db adopt\` instead of migrating.`,
                    EXIT.FAILURE,
                    { cause: error },
                  );
                }
                throw error;
              });
        const after = await migrationStatus(orm);
        const pending = after.filter((r) => r.state === 'pending').map((r) => r.name);
        out.result({ command: 'migrate up', database: conn.display, applied, pending }, () => {
          if (applied.length === 0) out.line(`${out.c.green('✓')} Schema is up to date (${plural(after.filter((r) => r.state === 'applied').length, 'migration')} applied).`);
          else {
            out.line(`${out.c.green('✓')} Applied ${plural(applied.length, 'migration')}:`);
            for (const name of applied) out.line(`  ${name}`);
          }
          if (pending.length > 0) out.line(out.c.yellow(`${plural(pending.length, 'migration')} still pending: ${pending.join(', ')}`));
        });
      });
    });

  migrateCmd
    .command('down')
    .description('revert the last applied migration (or every one after --to); destructive, needs --yes')
    .option('--to <name>', "revert every migration applied after this one ('0' reverts all)")
    .option('-y, --yes', 'confirm: reverting drops tables, columns or enum labels and their data')
    .addHelpText('after', '\nExamples:\n  $ gainsly-db migrate down --yes\n  $ gainsly-db migrate down --to 0001-upstream-schema --yes')
    .action(async (opts: { to?: string; yes?: boolean }, command: Command) => {
      await withDatabase(ctx, command, async (orm, conn) => {
        const before = await migrationStatus(orm);
        const applied = before.filter((r) => r.state === 'applied');
        if (opts.to !== undefined && opts.to !== '0') checkKnown(opts.to, applied, 'down (it must be an applied migration)');
        // The same selection MikroORM makes, computed first so it can be shown and confirmed.
        const toRevert =
          opts.to === undefined
            ? applied.slice(-1)
            : opts.to === '0'
              ? [...applied].reverse()
              : applied.slice(applied.findIndex((r) => r.name === opts.to) + 1).reverse();
        const unknown = toRevert.filter((r) => !r.known);
        if (unknown.length > 0) {
          throw new UsageError(`Cannot revert ${unknown.map((r) => r.name).join(', ')}: applied by a newer version of @gainsly/db, which this version cannot undo.`);
        }
        if (toRevert.length > 0 && !opts.yes) {
          throw new UsageError(`Refusing to revert ${toRevert.map((r) => r.name).join(', ')} without --yes: reverting drops schema objects and the data in them.`);
        }
        const reverted =
          toRevert.length === 0
            ? []
            : await withMigrationProgress(orm, out, 'reverting', toRevert.length, async () =>
                (await orm.migrator.down(opts.to === undefined ? undefined : { to: opts.to === '0' ? 0 : opts.to })).map((m) => m.name),
              );
        const after = await migrationStatus(orm);
        out.result({ command: 'migrate down', database: conn.display, reverted, pending: after.filter((r) => r.state === 'pending').map((r) => r.name) }, () => {
          if (reverted.length === 0) out.line('Nothing to revert: no migration is applied.');
          else {
            out.line(`${out.c.green('✓')} Reverted ${plural(reverted.length, 'migration')}:`);
            for (const name of reverted) out.line(`  ${name}`);
          }
        });
      });
    });

  migrateCmd
    .command('status')
    .description('list applied and pending migrations (changes nothing)')
    .addHelpText('after', '\nExample:\n  $ gainsly-db migrate status --json | jq .pending')
    .action(async (_opts: unknown, command: Command) => {
      await withDatabase(ctx, command, async (orm, conn) => {
        const rows = await migrationStatus(orm);
        const pending = rows.filter((r) => r.state === 'pending').map((r) => r.name);
        out.result(
          { command: 'migrate status', database: conn.display, upToDate: pending.length === 0, migrations: rows, applied: rows.filter((r) => r.state === 'applied').map((r) => r.name), pending },
          () => {
            out.line(
              out.table(
                ['migration', 'status', 'applied at (UTC)'],
                rows.map((r) => [
                  r.name,
                  r.state === 'applied' ? out.c.green(r.known ? 'applied' : 'applied (unknown to this version)') : out.c.yellow('pending'),
                  r.appliedAt ? r.appliedAt.replace('T', ' ').replace(/\.\d+Z$/, '') : '',
                ]),
              ),
            );
            out.line(pending.length === 0 ? `${out.c.green('✓')} Schema is up to date.` : `${plural(pending.length, 'pending migration')}: run \`gainsly-db migrate up\`.`);
          },
        );
      });
    });

  return migrateCmd;
}
