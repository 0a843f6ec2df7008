import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { InjectRepository } from '@mikro-orm/nestjs';
import { forUser, User, UserRepository } from '@gainsly/db';
import { Badge } from './badge.entity.js';

@Controller('users')
export class UsersController {
  // `@mikro-orm/core`'s EntityManager, as Nest's documentation injects it; request-scoped by the module's middleware.
  constructor(
    private readonly em: EntityManager,
    @InjectRepository(User) private readonly users: UserRepository,
  ) {}

  @Post()
  async create(@Body() body: { email: string }) {
    const user = await this.users.createUser({ email: body.email });
    return { id: user.id };
  }

  @Get(':id/strength')
  strength(@Param('id', ParseIntPipe) id: number) {
    // A user that does not exist is a GainslyNotFoundError: 404 through the filter.
    return forUser(this.em, id).strength.psiAll();
  }

  @Post(':id/recovery')
  async recovery(@Param('id', ParseIntPipe) id: number, @Body() body: unknown) {
    // Validated by the library: a bad body is a GainslyValidationError, 422.
    const reading = await forUser(this.em, id).recovery.create(body as never);
    return { id: reading.id };
  }

  @Post(':id/badges')
  async award(@Param('id', ParseIntPipe) id: number, @Body() body: { label: string }) {
    const user = await forUser(this.em, id).profile.get();
    const badge = this.em.create(Badge, { user: user.id, label: body.label });
    await this.em.flush();
    return { id: badge.id };
  }

  @Get(':id/badges')
  async badges(@Param('id', ParseIntPipe) id: number) {
    await forUser(this.em, id).profile.get();
    return (await this.em.find(Badge, { user: id }, { orderBy: { id: 'asc' } })).map((b) => b.label);
  }
}
