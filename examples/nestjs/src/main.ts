import { AppModule } from './app.module.js';
import { createApp } from './bootstrap.js';

const app = await createApp(process.env.ASYNC_CONFIG ? AppModule.async() : AppModule.sync());
await app.listen(Number(process.env.PORT ?? 3000));
