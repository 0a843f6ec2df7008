// End-to-end: the app over HTTP against a real PostgreSQL, with each ORM module set-up.
// The runner gives EXAMPLE_DATABASE_URL (an empty database); the app module is imported before
// DATABASE_URL is set, which works because gainslyConfig() reads it only when the ORM starts.
import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplication } from '@nestjs/common';
import { AppModule } from '../src/app.module.js';
import { createApp } from '../src/bootstrap.js';
import { DeloadJob } from '../src/deload.job.js';

const target = process.env.EXAMPLE_DATABASE_URL;
if (!target) throw new Error('EXAMPLE_DATABASE_URL is required');

for (const setup of ['sync', 'async'] as const) {
  describe(`AppModule.${setup}()`, () => {
    let app: INestApplication;
    let base: string;

    before(async () => {
      process.env.DATABASE_URL = target;
      app = await createApp(setup === 'sync' ? AppModule.sync() : AppModule.async());
      await app.listen(0);
      base = (await app.getUrl()).replace('[::1]', 'localhost');
    });

    after(async () => {
      await app?.close();
    });

    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('creates a user and reads their strength through the scoped API', async () => {
      const created = await post('/users', { email: `${setup}-${Date.now()}@example.com` });
      assert.equal(created.status, 201);
      const { id } = (await created.json()) as { id: number };
      const strength = await fetch(`${base}/users/${id}/strength`);
      assert.equal(strength.status, 200);
      assert.equal(((await strength.json()) as unknown[]).length, 17);
    });

    it('maps the library errors to HTTP through the exception filter', async () => {
      assert.equal((await fetch(`${base}/users/999999999/strength`)).status, 404); // a user that does not exist
      const { id } = (await (await post('/users', { email: `${setup}-bad-${Date.now()}@example.com` })).json()) as { id: number };
      const invalid = await post(`/users/${id}/recovery`, { date: 'yesterday', source: 'apple' });
      assert.equal(invalid.status, 422);
      assert.equal(((await invalid.json()) as { code: string }).code, 'GAINSLY_VALIDATION');
      const duplicate = await post('/users', { email: `dup-${setup}@example.com` });
      assert.equal(duplicate.status, 201);
      assert.equal((await post('/users', { email: `dup-${setup}@example.com` })).status, 409);
    });

    it("stores rows in the app's own table, referencing the library's users", async () => {
      const { id } = (await (await post('/users', { email: `${setup}-badge-${Date.now()}@example.com` })).json()) as { id: number };
      assert.equal((await post(`/users/${id}/badges`, { label: 'First PR' })).status, 201);
      assert.deepEqual(await (await fetch(`${base}/users/${id}/badges`)).json(), ['First PR']);
      assert.equal((await post('/users/999999999/badges', { label: 'x' })).status, 404);
    });

    it('runs the scheduled job outside a request', async () => {
      const flagged = await app.get(DeloadJob).run();
      assert.ok(Array.isArray(flagged));
    });
  });
}
