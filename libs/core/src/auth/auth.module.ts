import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { installationSecret } from '@app/dal';
import { PasswordGate } from '../common/password-gate.service';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordsService } from './passwords.service';
import { SessionRevocations } from './session-revocations';

/**
 * JWT_SECRET when configured (required in production, see jwtSecretProblem); otherwise the secret
 * this installation generated for itself on its first start and keeps in its database.
 */
export async function signingSecret(config: AppConfig, db: DataSource): Promise<string> {
  return config.JWT_SECRET ?? installationSecret(db, 'jwt-signing-secret');
}

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig, getDataSourceToken()],
      useFactory: async (config: AppConfig, db: DataSource) => {
        // The secret as a KeyObject, made once: given a string, jsonwebtoken first tries to parse it as
        // a PEM public key on every verification (and throws), which was 9% of the API's CPU when
        // every request carries a token (bench `bloc`, V8 profile of the API).
        const key = createSecretKey(Buffer.from(await signingSecret(config, db)));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { expiresIn: config.JWT_EXPIRES_IN as `${number}h`, algorithm: 'HS256' as const },
          verifyOptions: { algorithms: ['HS256' as const] },
        };
      },
    }),
  ],
  providers: [AuthService, LoginThrottle, PasswordsService, PasswordGate, SessionRevocations],
  // The throttle and the password gate too, for setting a password from an e-mailed link (password-links).
  exports: [AuthService, PasswordsService, LoginThrottle, PasswordGate],
})
export class AuthModule {}
