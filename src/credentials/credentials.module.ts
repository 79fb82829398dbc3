import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { MailModule } from '../mail/mail.module.js';
import { MailService } from '../mail/mail.service.js';
import { User } from '../users/entities/user.entity.js';
import { AccountTokensService } from './account-tokens.service.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';
import { AccountEmails } from './emails/account-emails.js';
import { OutboxAccountEmails } from './emails/outbox-account-emails.js';
import { AccountToken } from './entities/account-token.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([AccountToken, User]), AuthModule, MailModule],
  controllers: [CredentialsController],
  providers: [
    CredentialsService,
    AccountTokensService,
    {
      provide: AccountEmails,
      inject: [MailService, TransactionRunner],
      useFactory: (mail: MailService, transactions: TransactionRunner): AccountEmails =>
        new OutboxAccountEmails(mail, transactions),
    },
  ],
  exports: [CredentialsService, AccountTokensService],
})
export class CredentialsModule {}
