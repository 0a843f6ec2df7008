// Starts the service: one ORM for the process, migrated at start-up, closed on SIGINT / SIGTERM.
//   DATABASE_URL=postgres://… PORT=3000 npm start
import { createGainslyOrm, migrate } from '@gainsly/db';
import { buildApp } from './app.js';

const orm = await createGainslyOrm({ url: process.env.DATABASE_URL });
const { applied } = await migrate(orm); // pending migrations in one transaction; a no-op when current
const app = buildApp({ orm, logger: true });
if (applied.length > 0) app.log.info({ applied }, 'database migrated');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => orm.close());
  });
}

await app.listen({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1' });
