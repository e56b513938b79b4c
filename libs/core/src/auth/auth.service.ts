import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '@app/domain';
import { Actor } from '../common/actor';
import { LoginThrottle } from './login-throttle';

/** A constant hash to verify against for unknown usernames, so timing does not reveal who exists. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2mD4sQvPr6aVP3K0bvCzz2n4d7v2E2vH4uX0fI9aH5U';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(username: string, password: string, address = 'unknown') {
    await this.throttle.assertAllowed(username, address);
    const [user] = await this.db.query(`SELECT id, username, password_hash FROM users WHERE username = $1`, [username]);
    const ok = await verify(user?.password_hash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok) {
      await this.throttle.failed(username, address);
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password');
    }
    await this.throttle.succeeded(username, address);
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username });
    return { accessToken, user: await this.me(user.id) };
  }

  /** Verifies a bearer token and that its user still exists. */
  async actorOf(token: string): Promise<Actor> {
    const payload = await this.jwt.verifyAsync<{ sub: string; username: string }>(token).catch(() => null);
    if (!payload?.sub) throw new DomainError('UNAUTHENTICATED', 'Invalid or expired token');
    const [user] = await this.db.query(`SELECT id, username FROM users WHERE id = $1`, [payload.sub]);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The user of this token no longer exists');
    return { id: user.id, username: user.username };
  }

  async me(userId: string) {
    const [user] = await this.db.query(`SELECT id, username, full_name AS "fullName", email FROM users WHERE id = $1`, [userId]);
    if (!user) throw notFound('User', userId);
    const roles = await this.db.query(
      `SELECT r.unit_id AS "unitId", u.code AS "unitCode", r.role FROM role_assignments r LEFT JOIN org_units u ON u.id = r.unit_id
        WHERE r.user_id = $1 ORDER BY u.code, r.role`,
      [userId],
    );
    return { ...user, roles };
  }
}
