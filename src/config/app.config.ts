import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

export const NODE_ENVIRONMENTS = ['development', 'production', 'test'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

export interface AppConfig {
  nodeEnv: NodeEnvironment;
  host: string;
  port: number;
  /** Origins allowed by CORS; `*` allows any origin. */
  corsOrigins: string[] | '*';
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /**
   * Fastify's `trustProxy`: false, true (trust every proxy), or the proxies'
   * addresses/CIDRs, comma-separated. Decides which client IP rate limits see.
   */
  trustProxy: boolean | string;
  swaggerEnabled: boolean;
}

class AppEnvironment {
  @IsOptional()
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV?: NodeEnvironment;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES?: number;

  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  SWAGGER_ENABLED?: 'true' | 'false';
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === 'false') return false;
  return value === 'true' ? true : value;
}

export default registerAs('app', (): AppConfig => {
  const env = validateConfig(process.env, AppEnvironment);
  const origins = (env.CORS_ORIGINS ?? '*').trim();
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    host: env.HOST ?? '0.0.0.0',
    port: env.PORT ?? 3000,
    corsOrigins:
      origins === '*'
        ? '*'
        : origins
            .split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
    bodyLimit: env.BODY_LIMIT_BYTES ?? 1024 * 1024,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    swaggerEnabled: env.SWAGGER_ENABLED !== 'false',
  };
});
