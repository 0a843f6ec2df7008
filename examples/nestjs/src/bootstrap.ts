import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { migrate } from '@gainsly/db';
import { GainslyExceptionFilter } from './gainsly.filter.js';

/** Creates the app, migrates (library first, then the app's own), installs the error filter. */
export async function createApp(module: DynamicModule): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: ['error', 'warn'] });
  // The MikroORM Nest hands out (readonly generics) is accepted as is.
  const result = await migrate(app.get(MikroORM));
  if (result.applied.length || result.app?.length) console.log(`migrated: library ${result.applied.length}, app ${result.app?.length ?? 0}`);
  app.useGlobalFilters(new GainslyExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
