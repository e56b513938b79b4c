import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, TaskHandover, UsersService } from '@app/core';
import { AdminOnly } from '../common/auth.guard';
import { CurrentActor } from '../common/current-actor.decorator';
import { BodyLimit } from '../http/body-limit.decorator';
import { ReassignDto, ReplaceRolesDto, UserListQueryDto } from './user.dto';
import { ReassignedView, RolesReplacedView, UserView } from './user-view.dto';

/** Administration of people: their roles (running stages follow) and taking over their tasks. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly handover: TaskHandover,
  ) {}

  @AdminOnly()
  @Get()
  @ApiOkResponse({ type: [UserView] })
  @ApiOperation({ summary: 'Users with their roles, a page at a time in username order (limit, offset); `q` searches names without diacritics' })
  async list(@Query() query: UserListQueryDto) {
    return this.users.list({ unit: query.unit, q: query.q, limit: query.limit, offset: query.offset });
  }

  @AdminOnly()
  @Get(':username')
  @ApiOkResponse({ type: UserView })
  async get(@Param('username') username: string) {
    return this.users.get(username);
  }

  @AdminOnly()
  @Put(':username/roles')
  @ApiOkResponse({ type: RolesReplacedView })
  @BodyLimit('32kb')
  async replaceRoles(@Param('username') username: string, @Body() body: ReplaceRolesDto, @CurrentActor() actor: Actor) {
    return this.users.replaceRoles(username, body.roles, actor);
  }

  @AdminOnly()
  @Post(':username/reassign')
  @ApiOkResponse({ type: ReassignedView })
  @HttpCode(200)
  async reassign(@Param('username') username: string, @Body() body: ReassignDto, @CurrentActor() actor: Actor) {
    return this.handover.reassign(username, body.to, actor);
  }
}
