import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { AppConfigModule } from '../config/config.module.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { CreateAdminCommand } from './create-admin.command.js';
import { PurgeExpiredCommand } from './purge-expired.command.js';

/** The operator commands: the API's modules without its HTTP server. */
@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    AuditModule,
    AuthModule,
    AdminModule,
    CredentialsModule,
  ],
  providers: [CreateAdminCommand, PurgeExpiredCommand],
})
export class CliModule {}
