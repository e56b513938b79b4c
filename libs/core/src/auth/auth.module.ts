import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // The secret as a KeyObject, made once: given a string, jsonwebtoken first tries to parse it as
        // a PEM public key on every verification (and throws), which was 9% of the API's CPU when
        // every request carries a token (bench `bloc`, V8 profile of the API).
        const key = createSecretKey(Buffer.from(config.JWT_SECRET));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { expiresIn: config.JWT_EXPIRES_IN as `${number}h`, algorithm: 'HS256' as const },
          verifyOptions: { algorithms: ['HS256' as const] },
        };
      },
    }),
  ],
  providers: [AuthService, LoginThrottle],
  exports: [AuthService],
})
export class AuthModule {}
