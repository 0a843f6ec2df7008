import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { ScheduleModule } from '@nestjs/schedule';
import { gainslyAsyncConfig, gainslyConfig, User } from '@gainsly/db';
import { APP_MIGRATIONS, Badge } from './badge.entity.js';
import { UsersController } from './users.controller.js';
import { DeloadJob } from './deload.job.js';

/** A stand-in for @nestjs/config's ConfigService: where the async set-up gets its URL. */
@Injectable()
export class Settings {
  get databaseUrl(): string {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    return url;
  }
}

@Module({ providers: [Settings], exports: [Settings] })
export class SettingsModule {}

const features = [MikroOrmModule.forFeature([User, Badge]), ScheduleModule.forRoot()];
const providers = [DeloadJob];
const controllers = [UsersController];

/** Both set-ups of the ORM module, so the e2e tests can run each. */
@Module({})
export class AppModule {
  /** `forRoot`: the URL is read from the environment when the ORM starts (gainslyConfig is lazy). */
  static sync(): DynamicModule {
    return {
      module: AppModule,
      imports: [MikroOrmModule.forRoot(gainslyConfig({ entities: [Badge], appMigrations: APP_MIGRATIONS })), ...features],
      providers,
      controllers,
    };
  }

  /** `forRootAsync` with an injected settings provider, as with ConfigService. */
  static async(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        MikroOrmModule.forRootAsync(
          gainslyAsyncConfig({
            imports: [SettingsModule],
            inject: [Settings],
            useFactory: (settings: Settings) => ({ url: settings.databaseUrl, entities: [Badge], appMigrations: APP_MIGRATIONS }),
          }),
        ),
        ...features,
      ],
      providers,
      controllers,
    };
  }
}

