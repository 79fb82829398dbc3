import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AllConfig } from '../config/config.type.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { MailDelivery } from './entities/mail-delivery.entity.js';
import { MailDeliveryService } from './mail-delivery.service.js';
import { MailService } from './mail.service.js';
import { SendEmailHandler } from './send-email.handler.js';
import { EmlFileTransport } from './transports/eml-file.transport.js';
import { MailTransport } from './transports/mail-transport.js';
import { SmtpTransport } from './transports/smtp.transport.js';

/** Templated e-mail over SMTP (`SMTP_URL`), or as `.eml` files in development. */
@Module({
  imports: [TypeOrmModule.forFeature([MailDelivery]), JobsModule],
  providers: [
    MailService,
    MailDeliveryService,
    SendEmailHandler,
    {
      provide: MailTransport,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>): MailTransport => {
        const mail = config.getOrThrow('mail', { infer: true });
        return mail.smtpUrl
          ? new SmtpTransport({ ...mail, smtpUrl: mail.smtpUrl })
          : new EmlFileTransport(mail.fileDirectory);
      },
    },
  ],
  exports: [MailService, MailDeliveryService],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MailTransport) private readonly transport: MailTransport) {}

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
