import { registerAs } from '@nestjs/config';
import { IsIn, IsOptional, IsString, IsUrl, Matches } from 'class-validator';
import { validateConfig } from './validate-config.js';

export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://...`; unset means `.eml` files in `fileDirectory`. */
  smtpUrl?: string;
  /** Refuse SMTP servers whose TLS certificate does not verify. */
  tlsRejectUnauthorized: boolean;
  /** Refuse to send unless the server upgrades to TLS (STARTTLS). */
  requireTls: boolean;
  from: string;
  replyTo?: string;
  fileDirectory: string;
  /** Where the web app lives: links in e-mails point there. */
  publicAppUrl: string;
  /** Where this API is reached from outside: one-click unsubscribe links point there. */
  publicApiUrl: string;
}

class MailEnvironment {
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must start with smtp:// or smtps://' })
  SMTP_URL?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  SMTP_TLS_REJECT_UNAUTHORIZED?: 'true' | 'false';

  @IsOptional()
  @IsIn(['true', 'false'])
  SMTP_REQUIRE_TLS?: 'true' | 'false';

  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  @IsOptional()
  @IsString()
  MAIL_REPLY_TO?: string;

  @IsOptional()
  @IsString()
  MAIL_FILE_DIR?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_APP_URL?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_API_URL?: string;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export default registerAs('mail', (): MailConfig => {
  const env = validateConfig(process.env, MailEnvironment);
  return {
    smtpUrl: env.SMTP_URL || undefined,
    tlsRejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED !== 'false',
    requireTls: env.SMTP_REQUIRE_TLS === 'true',
    from: env.MAIL_FROM ?? 'Inkwell <no-reply@inkwell.localhost>',
    replyTo: env.MAIL_REPLY_TO || undefined,
    fileDirectory: env.MAIL_FILE_DIR ?? 'data/mail',
    publicAppUrl: withoutTrailingSlash(env.PUBLIC_APP_URL ?? 'http://localhost:3000'),
    publicApiUrl: withoutTrailingSlash(env.PUBLIC_API_URL ?? 'http://localhost:3000'),
  };
});
