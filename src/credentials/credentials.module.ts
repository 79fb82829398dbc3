import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import type { AllConfig } from '../config/config.type.js';
import { User } from '../users/entities/user.entity.js';
import { AccountTokensService } from './account-tokens.service.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';
import { AccountEmails } from './emails/account-emails.js';
import { LoggingAccountEmails } from './emails/logging-account-emails.js';
import { AccountToken } from './entities/account-token.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([AccountToken, User]), AuthModule],
  controllers: [CredentialsController],
  providers: [
    CredentialsService,
    AccountTokensService,
    {
      // To be replaced by an adapter over the mailer / job outbox.
      provide: AccountEmails,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>): AccountEmails =>
        new LoggingAccountEmails(
          config.getOrThrow('app.nodeEnv', { infer: true }) !== 'production',
        ),
    },
  ],
  exports: [CredentialsService, AccountTokensService],
})
export class CredentialsModule {}
