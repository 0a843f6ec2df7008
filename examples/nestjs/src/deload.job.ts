import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
// `@mikro-orm/postgresql`'s EntityManager: injectable because gainslyConfig / gainslyAsyncConfig name
// the library's driver, which @mikro-orm/nestjs maps to that package.
import { EntityManager } from '@mikro-orm/postgresql';
import { forUser, User } from '@gainsly/db';

/** A scheduled job: no request, so no request context. */
@Injectable()
export class DeloadJob {
  private readonly logger = new Logger('DeloadJob');

  constructor(private readonly em: EntityManager) {}

  @Cron('0 5 * * *')
  async run(): Promise<number[]> {
    // The injected EntityManager is the global one here: fork for your own queries...
    const em = this.em.fork();
    const users = await em.find(User, {}, { fields: ['id'], orderBy: { id: 'asc' } });
    const flagged: number[] = [];
    for (const { id } of users) {
      // ...while the scopes fork by themselves when given the global one outside a request.
      const { deload } = await forUser(this.em, id).strength.deloadSignal();
      if (deload) flagged.push(id);
    }
    this.logger.log(`${users.length} users checked, ${flagged.length} flagged for a deload`);
    return flagged;
  }
}
