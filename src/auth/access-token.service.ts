import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AccessTokenPayload } from './jwt.strategy.js';

/** Issues the RealWorld `token`: an HS256 JWT naming the user. */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(userId: number): Promise<string> {
    const payload: AccessTokenPayload = { sub: userId };
    return this.jwt.signAsync(payload);
  }
}
