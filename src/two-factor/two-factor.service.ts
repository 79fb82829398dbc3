import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { generateSecret, generateURI, verify } from 'otplib';
import { IsNull, LessThan, Repository } from 'typeorm';
import { AuditAction } from '../audit/audit-action.enum.js';
import { AuditService } from '../audit/audit.service.js';
import { hashSecretToken } from '../common/crypto/secret-tokens.js';
import type { ClientInfo } from '../common/decorators/client-info.decorator.js';
import {
  ForbiddenError,
  UnauthorizedError,
  ValidationFailedError,
} from '../common/errors/domain-errors.js';
import type { AllConfig } from '../config/config.type.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { User } from '../users/entities/user.entity.js';
import type {
  SecondFactorDto,
  TwoFactorChallengeDto,
  TwoFactorSetupDto,
} from './dto/two-factor.dto.js';
import { RecoveryCode } from './entities/recovery-code.entity.js';
import { TwoFactor } from './entities/two-factor.entity.js';
import { SecretCipher } from './secret-cipher.js';

const RECOVERY_CODE_COUNT = 10;
/** Accept the previous and next 30 s step too, for clocks that drift a little. */
const CLOCK_TOLERANCE_SECONDS = 30;
const CHALLENGE_PURPOSE = 'two-factor-login';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

interface ChallengePayload {
  sub: number;
  purpose: typeof CHALLENGE_PURPOSE;
}

/** Codes are typed by people: case, spaces and dashes do not matter. */
function hashRecoveryCode(code: string): string {
  return hashSecretToken(code.toUpperCase().replace(/[\s-]/g, ''));
}

/** 16 base32 characters (80 bits), grouped by four. */
function newRecoveryCode(): string {
  const characters = [...randomBytes(16)].map((byte) => BASE32[byte & 31]).join('');
  return characters.match(/.{4}/g)!.join('-');
}

@Injectable()
export class TwoFactorService {
  private readonly issuer: string;
  private readonly challengeTtlSeconds: number;

  constructor(
    @InjectRepository(TwoFactor) private readonly enrolments: Repository<TwoFactor>,
    @InjectRepository(RecoveryCode) private readonly recoveryCodes: Repository<RecoveryCode>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly cipher: SecretCipher,
    private readonly jwt: JwtService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    config: ConfigService<AllConfig, true>,
  ) {
    const twoFactor = config.getOrThrow('twoFactor', { infer: true });
    this.issuer = twoFactor.issuer;
    this.challengeTtlSeconds = twoFactor.challengeTtlSeconds;
  }

  async isEnabled(userId: number): Promise<boolean> {
    const enrolment = await this.enrolments.findOne({
      where: { userId },
      select: { userId: true, enabledAt: true },
    });
    return Boolean(enrolment?.enabledAt);
  }

  /** Starts (or restarts) an enrolment; 2FA is on only once `enable` confirms a code. */
  async setup(userId: number): Promise<TwoFactorSetupDto> {
    if (await this.isEnabled(userId)) {
      throw ValidationFailedError.field('twoFactor', 'is already enabled');
    }
    const user = await this.users.findOneOrFail({
      where: { id: userId },
      select: { id: true, username: true },
    });
    const secret = generateSecret();
    const encrypted = this.cipher.encrypt(secret, ownerOf(userId));
    await this.enrolments.upsert(
      {
        userId,
        secretCiphertext: encrypted.ciphertext,
        keyId: encrypted.keyId,
        enabledAt: null,
        lastUsedTimeStep: null,
      },
      ['userId'],
    );
    return {
      secret,
      otpauthUri: generateURI({ issuer: this.issuer, label: user.username, secret }),
    };
  }

  /** Confirms the enrolment with a first code and hands out fresh recovery codes. */
  async enable(userId: number, code: string, client: ClientInfo): Promise<string[]> {
    const enrolment = await this.enrolments.findOneBy({ userId });
    if (!enrolment) throw ValidationFailedError.field('twoFactor', 'has not been set up');
    if (enrolment.enabledAt) throw ValidationFailedError.field('twoFactor', 'is already enabled');
    if (!(await this.acceptTotp(enrolment, code))) {
      throw ValidationFailedError.field('code', 'is invalid');
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.transactions.run(async (manager) => {
      await manager.update(TwoFactor, { userId }, { enabledAt: new Date() });
      await manager.delete(RecoveryCode, { userId });
      await manager.insert(
        RecoveryCode,
        codes.map((recoveryCode) => ({
          userId,
          codeHash: hashRecoveryCode(recoveryCode),
          usedAt: null,
        })),
      );
    });
    await this.audit.record({
      action: AuditAction.TwoFactorEnabled,
      actorId: userId,
      targetId: userId,
      client,
    });
    return codes;
  }

  async disable(userId: number, proof: SecondFactorDto, client: ClientInfo): Promise<void> {
    if (!(await this.isEnabled(userId))) {
      throw ValidationFailedError.field('twoFactor', 'is not enabled');
    }
    await this.assertSecondFactor(userId, proof, client);
    await this.transactions.run(async (manager) => {
      await manager.delete(RecoveryCode, { userId });
      await manager.delete(TwoFactor, { userId });
    });
    await this.audit.record({
      action: AuditAction.TwoFactorDisabled,
      actorId: userId,
      targetId: userId,
      client,
    });
  }

  /** What login answers instead of a token when the account has 2FA. */
  async challenge(userId: number): Promise<TwoFactorChallengeDto> {
    const payload: ChallengePayload = { sub: userId, purpose: CHALLENGE_PURPOSE };
    return {
      twoFactorRequired: true,
      challenge: await this.jwt.signAsync(payload, { expiresIn: this.challengeTtlSeconds }),
      challengeExpiresAt: new Date(Date.now() + this.challengeTtlSeconds * 1000),
    };
  }

  /** Checks a login challenge and its second factor; returns the user to open a session for. */
  async completeChallenge(
    challenge: string,
    proof: SecondFactorDto,
    client: ClientInfo,
  ): Promise<User> {
    let payload: ChallengePayload;
    try {
      payload = await this.jwt.verifyAsync<ChallengePayload>(challenge, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedError('challenge', 'is invalid or expired');
    }
    if (payload.purpose !== CHALLENGE_PURPOSE || !Number.isSafeInteger(payload.sub)) {
      throw new UnauthorizedError('challenge', 'is invalid or expired');
    }
    await this.assertSecondFactor(payload.sub, proof, client);
    const user = await this.users.findOneBy({ id: payload.sub });
    if (!user) throw new UnauthorizedError('challenge', 'is invalid or expired');
    // Suspended between the password step and this one.
    if (user.suspendedAt) throw new ForbiddenError('user', 'is suspended');
    return user;
  }

  /**
   * A TOTP code (never one already used) or an unused recovery code. Used to
   * finish a login and to confirm sensitive changes to an account with 2FA.
   */
  async assertSecondFactor(
    userId: number,
    proof: SecondFactorDto,
    client: ClientInfo,
  ): Promise<void> {
    if (Boolean(proof.code) === Boolean(proof.recoveryCode)) {
      throw ValidationFailedError.field('code', 'send either a code or a recovery code');
    }
    const enrolment = await this.enrolments.findOneBy({ userId });
    let accepted = false;
    if (enrolment?.enabledAt) {
      accepted = proof.code
        ? await this.acceptTotp(enrolment, proof.code)
        : await this.useRecoveryCode(userId, proof.recoveryCode!);
    }
    if (!accepted) {
      await this.audit.record({
        action: AuditAction.TwoFactorFailed,
        targetId: userId,
        client,
        detail: proof.code ? 'totp' : 'recovery code',
      });
      throw new UnauthorizedError(proof.code ? 'code' : 'recoveryCode', 'is invalid');
    }
  }

  /** How many unused recovery codes are left. */
  remainingRecoveryCodes(userId: number): Promise<number> {
    return this.recoveryCodes.countBy({ userId, usedAt: IsNull() });
  }

  /**
   * Verifies a code and claims its time step with a conditional update, so a
   * code observed by someone else cannot be replayed, even concurrently.
   * A secret under a retired key is re-encrypted under the active one.
   */
  private async acceptTotp(enrolment: TwoFactor, code: string): Promise<boolean> {
    const owner = ownerOf(enrolment.userId);
    const secret = this.cipher.decrypt(
      { keyId: enrolment.keyId, ciphertext: enrolment.secretCiphertext },
      owner,
    );
    const result = await verify({
      secret,
      token: code,
      epochTolerance: CLOCK_TOLERANCE_SECONDS,
      ...(enrolment.lastUsedTimeStep !== null ? { afterTimeStep: enrolment.lastUsedTimeStep } : {}),
    });
    // The functional API types TOTP and HOTP results together; only TOTP's carry a time step.
    if (!result.valid || !('timeStep' in result)) return false;
    const reencrypted =
      enrolment.keyId === this.cipher.activeKeyId ? {} : this.rotated(secret, owner);
    const { affected } = await this.enrolments.update(
      enrolment.lastUsedTimeStep === null
        ? { userId: enrolment.userId, lastUsedTimeStep: IsNull() }
        : { userId: enrolment.userId, lastUsedTimeStep: LessThan(result.timeStep) },
      { lastUsedTimeStep: result.timeStep, ...reencrypted },
    );
    return affected === 1;
  }

  private rotated(secret: string, owner: string): Pick<TwoFactor, 'keyId' | 'secretCiphertext'> {
    const encrypted = this.cipher.encrypt(secret, owner);
    return { keyId: encrypted.keyId, secretCiphertext: encrypted.ciphertext };
  }

  private async useRecoveryCode(userId: number, code: string): Promise<boolean> {
    const { affected } = await this.recoveryCodes.update(
      { userId, codeHash: hashRecoveryCode(code), usedAt: IsNull() },
      { usedAt: new Date() },
    );
    return affected === 1;
  }
}

function ownerOf(userId: number): string {
  return `user:${userId}`;
}
