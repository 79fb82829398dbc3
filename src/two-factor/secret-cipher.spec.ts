import type { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import type { AllConfig } from '../config/config.type.js';
import { SecretCipher } from './secret-cipher.js';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

function cipherWith(keys: Record<string, Buffer>, activeKeyId: string): SecretCipher {
  const config = {
    getOrThrow: () => ({ encryptionKeys: new Map(Object.entries(keys)), activeKeyId }),
  } as unknown as ConfigService<AllConfig, true>;
  return new SecretCipher(config);
}

describe('SecretCipher', () => {
  it('round-trips under the active key, with a fresh IV each time', () => {
    const cipher = cipherWith({ old: oldKey }, 'old');
    const first = cipher.encrypt('JBSWY3DPEHPK3PXP', 'user:1');
    const second = cipher.encrypt('JBSWY3DPEHPK3PXP', 'user:1');
    expect(first.keyId).toBe('old');
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(cipher.decrypt(first, 'user:1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('still decrypts values of a retired key after rotation', () => {
    const before = cipherWith({ old: oldKey }, 'old').encrypt('SECRET', 'user:1');
    const rotated = cipherWith({ old: oldKey, new: newKey }, 'new');
    expect(rotated.decrypt(before, 'user:1')).toBe('SECRET');
    expect(rotated.encrypt('SECRET', 'user:1').keyId).toBe('new');
  });

  it('refuses tampered values, values of another owner and unknown keys', () => {
    const cipher = cipherWith({ old: oldKey }, 'old');
    const value = cipher.encrypt('SECRET', 'user:1');
    expect(() => cipher.decrypt(value, 'user:2')).toThrow();
    const bytes = Buffer.from(value.ciphertext, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() =>
      cipher.decrypt({ ...value, ciphertext: bytes.toString('base64') }, 'user:1'),
    ).toThrow();
    expect(() => cipher.decrypt({ ...value, keyId: 'gone' }, 'user:1')).toThrow(
      /No encryption key/,
    );
  });
});
