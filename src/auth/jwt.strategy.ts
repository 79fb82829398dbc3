import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import type { IncomingHttpHeaders } from 'node:http';
import { Strategy } from 'passport-jwt';
import type { AuthUser } from '../common/decorators/auth.decorators.js';
import { UnauthorizedError } from '../common/errors/domain-errors.js';
import type { AllConfig } from '../config/config.type.js';
import { jwtSigningKey } from './jwt-signing-key.js';
import { SessionValidator } from './session-validator.js';

export interface AccessTokenPayload {
  sub: number;
  /** The session the token belongs to; revoking the session kills the token. */
  sid: string;
}

/** RealWorld clients send `Token <jwt>`; `Bearer <jwt>` is accepted too. */
export function extractAccessToken(request: { headers: IncomingHttpHeaders }): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^(?:Token|Bearer)\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ConfigService<AllConfig, true>,
    private readonly sessions: SessionValidator,
  ) {
    super({
      jwtFromRequest: extractAccessToken,
      // passport-jwt's types say string | Buffer, but it hands the key to
      // jsonwebtoken, which takes a KeyObject (see jwtSigningKey for why).
      secretOrKey: jwtSigningKey(
        config.getOrThrow('auth.jwtSecret', { infer: true }),
      ) as unknown as Buffer,
      // Pinning the algorithm refuses `alg: none` and key-confusion tricks.
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser> {
    if (!Number.isSafeInteger(payload.sub) || payload.sub < 1 || typeof payload.sid !== 'string') {
      throw new UnauthorizedError('token', 'is invalid');
    }
    if (!(await this.sessions.isActive(payload.sid, payload.sub))) {
      throw new UnauthorizedError('token', 'has been revoked');
    }
    return { id: payload.sub, sessionId: payload.sid };
  }
}
