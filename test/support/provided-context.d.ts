// Values the global setup (test/support/global-setup.ts) hands to every test file via `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test server (may contain a password: never print it). */
    gainslyAdminUrl: string;
    /** Name of the migrated template database each test file clones. */
    gainslyTemplateDb: string;
  }
}
