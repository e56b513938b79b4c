import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/core';

/** The signed-in person the auth guard verified. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest().actor);
