import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessService, Actor, TasksService, UsersService } from '@app/core';
import { CurrentActor } from '../common/current-actor.decorator';
import { ReassignDto, ReplaceRolesDto, UserListQueryDto } from './user.dto';

/** Administration of people: their roles (running stages follow) and taking over their tasks. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tasks: TasksService,
    private readonly access: AccessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Users with their roles, a page at a time in username order (limit, offset)' })
  async list(@Query() query: UserListQueryDto, @CurrentActor() actor: Actor) {
    await this.access.assertAdmin(actor.id);
    return this.users.list({ unit: query.unit, limit: query.limit, offset: query.offset });
  }

  @Get(':username')
  async get(@Param('username') username: string, @CurrentActor() actor: Actor) {
    await this.access.assertAdmin(actor.id);
    return this.users.get(username);
  }

  @Put(':username/roles')
  async replaceRoles(@Param('username') username: string, @Body() body: ReplaceRolesDto, @CurrentActor() actor: Actor) {
    await this.access.assertAdmin(actor.id);
    return this.users.replaceRoles(username, body.roles, actor);
  }

  @Post(':username/reassign')
  @HttpCode(200)
  async reassign(@Param('username') username: string, @Body() body: ReassignDto, @CurrentActor() actor: Actor) {
    await this.access.assertAdmin(actor.id);
    return this.tasks.reassign(username, body.to, actor);
  }
}
