import { registerAs } from '@nestjs/config';
import { IsOptional, IsUrl } from 'class-validator';
import { validateConfig } from './validate-config.js';

export interface AccountEmailsConfig {
  /** The web app's address: links in e-mails are `<base>/verify-email?token=…` and `<base>/reset-password?token=…`. */
  linkBaseUrl: string;
}

class AccountEmailsEnvironment {
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'ACCOUNT_LINK_BASE_URL must be an http(s) URL' },
  )
  ACCOUNT_LINK_BASE_URL?: string;
}

export default registerAs('accountEmails', (): AccountEmailsConfig => {
  const env = validateConfig(process.env, AccountEmailsEnvironment);
  return {
    linkBaseUrl: (env.ACCOUNT_LINK_BASE_URL ?? 'http://localhost:4200').replace(/\/+$/, ''),
  };
});
