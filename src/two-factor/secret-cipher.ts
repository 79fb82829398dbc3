import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../config/config.type.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface EncryptedSecret {
  keyId: string;
  /** base64 of IV, authentication tag and ciphertext. */
  ciphertext: string;
}

/**
 * AES-256-GCM for secrets at rest. Each value records its key id, so keys
 * can be rotated: add a new key, make it active, and old values still decrypt
 * (and are re-encrypted when next used). The associated data binds a value
 * to its owner, so a ciphertext copied onto another row does not decrypt.
 */
@Injectable()
export class SecretCipher {
  private readonly keys: Map<string, Buffer>;
  readonly activeKeyId: string;

  constructor(config: ConfigService<AllConfig, true>) {
    const twoFactor = config.getOrThrow('twoFactor', { infer: true });
    this.keys = twoFactor.encryptionKeys;
    this.activeKeyId = twoFactor.activeKeyId;
  }

  encrypt(plaintext: string, owner: string): EncryptedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.activeKeyId), iv);
    cipher.setAAD(Buffer.from(owner));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      keyId: this.activeKeyId,
      ciphertext: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64'),
    };
  }

  decrypt(secret: EncryptedSecret, owner: string): string {
    const bytes = Buffer.from(secret.ciphertext, 'base64');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key(secret.keyId),
      bytes.subarray(0, IV_BYTES),
    );
    decipher.setAAD(Buffer.from(owner));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`No encryption key "${id}" is configured (TOTP_ENCRYPTION_KEYS)`);
    return key;
  }
}
