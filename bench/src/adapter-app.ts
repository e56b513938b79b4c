/**
 * A bare Nest app with one guarded controller, on the HTTP adapter named by argv[2] (`express` or
 * `fastify`), or the same answer from Node's own HTTP server (`node`): the `http-adapters`
 * scenario measures what each adapter costs per request, with nothing of the engine around it.
 * The guard does what the engine's does for a signed-in request without a database: verifies the
 * token's signature and finds its session in a per-process map.
 */
import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { createServer } from 'node:http';
import { CanActivate, Controller, ExecutionContext, Get, Injectable, Module, Req, UnauthorizedException, UseGuards, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';

export const ADAPTER_APP_SECRET = 'bench-adapter-secret-of-thirty-two-chars';
/** As the engine's AuthModule holds it: a KeyObject, which jsonwebtoken verifies in 0.01 ms (a string: 0.36). */
const KEY = createSecretKey(Buffer.from(ADAPTER_APP_SECRET));
const JWT_OPTIONS = { secretOrKeyProvider: () => KEY, verifyOptions: { algorithms: ['HS256' as const] } };
export const ADAPTER_APP_USER = 'b7f3c1de-2a5e-4c8f-9d41-0e6a2b9c7f10';

/** The shape and size of the engine's `GET /api/me` answer. */
const ME = {
  id: ADAPTER_APP_USER,
  username: 'tgv.lan',
  fullName: 'Nguyễn Thị Lan',
  email: 'lan@example.vn',
  roles: [{ role: 'working_group', unitId: 'a1d2c3b4-0000-4000-8000-000000000001', unitCode: 'DUK', unitName: 'Đảng ủy Khối' }],
  position: { title: 'Phó Chánh Văn phòng', signsAs: null },
  active: true,
};

const sessions = new Map<string, { userId: string }>([['s1', { userId: ADAPTER_APP_USER }]]);

type WithUser = { headers: Record<string, string | string[] | undefined>; user?: { userId: string } };

@Injectable()
class BearerGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<WithUser>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : '';
    const claims = await this.jwt.verifyAsync<{ sub: string; sid: string }>(token).catch(() => null);
    const session = claims && sessions.get(claims.sid);
    if (!session || session.userId !== claims.sub) throw new UnauthorizedException();
    req.user = session;
    return true;
  }
}

@Controller('api')
class MeController {
  @Get('me')
  @UseGuards(BearerGuard)
  me(@Req() req: WithUser) {
    return { ...ME, id: req.user!.userId };
  }
}

@Module({ imports: [JwtModule.register(JWT_OPTIONS)], controllers: [MeController] })
class AdapterAppModule {}

async function nestApp(adapter: 'express' | 'fastify') {
  if (adapter === 'fastify') {
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    return NestFactory.create(AdapterAppModule, new FastifyAdapter(), { logger: ['error'] });
  }
  // Nest's default adapter, @nestjs/platform-express: a development dependency for this comparison only.
  return NestFactory.create(AdapterAppModule, { logger: ['error'] });
}

async function main() {
  const adapter = process.argv[2];
  const port = Number(process.env.PORT);
  if (adapter === 'node') {
    const jwt = new JwtService(JWT_OPTIONS);
    createServer((req, res) => {
      const header = req.headers.authorization ?? '';
      void jwt
        .verifyAsync<{ sub: string; sid: string }>(header.slice(7))
        .catch(() => null)
        .then((claims) => {
          const session = claims && sessions.get(claims.sid);
          const body = session ? JSON.stringify(ME) : '{"statusCode":401}';
          res.writeHead(session ? 200 : 401, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        });
    }).listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
    return;
  }
  if (adapter !== 'express' && adapter !== 'fastify') throw new Error(`adapter-app: unknown adapter ${adapter}`);
  const app = await nestApp(adapter);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(port, '127.0.0.1');
  console.log(`listening on ${port}`);
}

// Run as a child of the bench; imported by the scenario only for its secret and user.
if (require.main === module) {
  void main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
