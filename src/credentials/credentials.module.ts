import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { MailModule } from '../mail/mail.module.js';
import { User } from '../users/entities/user.entity.js';
import { AccountTokensService } from './account-tokens.service.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';
import { AccountToken } from './entities/account-token.entity.js';
import { PasswordResetRequestHandler } from './password-reset-request.handler.js';

@Module({
  imports: [TypeOrmModule.forFeature([AccountToken, User]), AuthModule, JobsModule, MailModule],
  controllers: [CredentialsController],
  providers: [CredentialsService, AccountTokensService, PasswordResetRequestHandler],
  exports: [CredentialsService, AccountTokensService],
})
export class CredentialsModule {}
