// Values the global setup (test/support/global-setup.ts) hands to every test file via `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test server (may contain a password: never print it). */
    gainslyAdminUrl: string;
    /** Name of the migrated template database each test file clones. */
    gainslyTemplateDb: string;
    /** Port of the run's PgBouncer (transaction pooling, in front of the server), when pgbouncer is installed. */
    gainslyPgBouncerPort?: number;
    /** Set by the `pgbouncer` project (vitest.config.ts): its test databases are reached through PgBouncer. */
    gainslyThroughPgBouncer?: boolean;
    /** Path of the run's `gainsly-db` bundle (test/support/cli-bundle.ts), built once by the global setup. */
    gainslyCliBundle?: string;
  }
}
