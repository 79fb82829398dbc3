import { registerAs } from '@nestjs/config';
import { IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { validateConfig } from './validate-config.js';

/**
 * The secret shipped in `.env` for local development. Production refuses to
 * start with it, so a forgotten override can never sign real tokens.
 */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-never-use-in-production';

export interface AuthConfig {
  jwtSecret: string;
  /** Access-token lifetime in a form `jsonwebtoken` accepts, e.g. `24h`. */
  jwtExpiresIn: string;
}

class AuthEnvironment {
  @IsString()
  @IsNotEmpty()
  JWT_SECRET: string;

  @IsOptional()
  @Matches(/^\d+[smhd]?$/, {
    message: 'JWT_EXPIRES_IN must be a number of seconds or like 15m, 24h, 7d',
  })
  JWT_EXPIRES_IN?: string;
}

export default registerAs('auth', (): AuthConfig => {
  const env = validateConfig(process.env, AuthEnvironment);
  if (process.env.NODE_ENV === 'production') {
    if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      throw new Error(
        'Invalid configuration:\n  - JWT_SECRET: the development default must not be used in production',
      );
    }
    if (env.JWT_SECRET.length < 32) {
      throw new Error(
        'Invalid configuration:\n  - JWT_SECRET: must be at least 32 characters in production',
      );
    }
  }
  return {
    jwtSecret: env.JWT_SECRET,
    jwtExpiresIn: env.JWT_EXPIRES_IN ?? '24h',
  };
});
