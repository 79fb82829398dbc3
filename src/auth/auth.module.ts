import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AllConfig } from '../config/config.type.js';
import { User } from '../users/entities/user.entity.js';
import { AccessTokenService } from './access-token.service.js';
import { AccountRoles } from './account-roles.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { Session } from './entities/session.entity.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { JwtStrategy } from './jwt.strategy.js';
import { jwtSigningKey } from './jwt-signing-key.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshCookie } from './refresh-cookie.js';
import { InProcessRevocationBus } from './revocation/in-process-revocation-bus.js';
import { RedisRevocationBus } from './revocation/redis-revocation-bus.js';
import { SessionRevocationBus } from './revocation/session-revocation-bus.js';
import { SessionValidator } from './session-validator.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, Session, RefreshToken]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => {
        const auth = config.getOrThrow('auth', { infer: true });
        return {
          secret: jwtSigningKey(auth.jwtSecret),
          signOptions: {
            algorithm: 'HS256',
            expiresIn: auth.jwtExpiresIn as `${number}h`,
          },
        };
      },
    }),
  ],
  controllers: [SessionsController],
  providers: [
    JwtStrategy,
    PasswordHasher,
    AccessTokenService,
    AccountRoles,
    SessionsService,
    SessionValidator,
    RefreshCookie,
    {
      provide: SessionRevocationBus,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>): SessionRevocationBus => {
        const url = config.get('redis.url', { infer: true });
        return url ? new RedisRevocationBus(url) : new InProcessRevocationBus();
      },
    },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [PasswordHasher, SessionsService, RefreshCookie, AccountRoles, JwtModule],
})
export class AuthModule {}
