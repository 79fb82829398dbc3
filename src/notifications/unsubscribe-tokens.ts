import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../config/config.type.js';
import { NotificationKind } from './notification-kind.enum.js';

export interface UnsubscribeRequest {
  userId: number;
  kind: NotificationKind;
}

/**
 * Unsubscribe tokens: `<userId>.<kind>.<HMAC>`, signed with a key derived
 * from the JWT secret (its own label, so a token of one kind can never pass
 * for the other). They do not expire: an old e-mail's link must still work.
 */
@Injectable()
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(config: ConfigService<AllConfig, true>) {
    this.key = createHmac('sha256', config.getOrThrow('auth.jwtSecret', { infer: true }))
      .update('inkwell:unsubscribe-token')
      .digest();
  }

  sign({ userId, kind }: UnsubscribeRequest): string {
    return `${userId}.${kind}.${this.mac(`${userId}.${kind}`)}`;
  }

  /** The request a token stands for, or null when it was not made by `sign`. */
  verify(token: string): UnsubscribeRequest | null {
    const match = /^(\d{1,10})\.(\w+)\.([\w-]{43})$/.exec(token);
    if (!match) return null;
    const [, id, kind, mac] = match;
    const expected = Buffer.from(this.mac(`${id}.${kind}`));
    if (!timingSafeEqual(Buffer.from(mac), expected)) return null;
    if (!Object.values<string>(NotificationKind).includes(kind)) return null;
    return { userId: Number(id), kind: kind as NotificationKind };
  }

  private mac(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }
}
