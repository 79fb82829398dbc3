import { AuditEvent } from '../../src/audit/entities/audit-event.entity.js';
import { Session } from '../../src/auth/entities/session.entity.js';
import { RecoveryCode } from '../../src/two-factor/entities/recovery-code.entity.js';
import { TwoFactor } from '../../src/two-factor/entities/two-factor.entity.js';
import { auth, PASSWORD, signUp, totp, userIdOf, type SignedInUser } from '../support/accounts.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('two-factor authentication (TOTP)', () => {
  let t: TestApp;
  let user: SignedInUser;
  let userId: number;
  let secret: string;
  let recoveryCodes: string[];

  const login = () =>
    t.http
      .post('/api/users/login')
      .send({ user: { email: user.email, password: PASSWORD } })
      .expect(200);
  const auditCount = (action: string) =>
    t.dataSource
      .getRepository(AuditEvent)
      .countBy({ action: action as AuditEvent['action'], targetId: userId });

  beforeAll(async () => {
    t = await createTestApp();
    user = await signUp(t, 'otto');
    userId = await userIdOf(t, 'otto');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('enrols with an otpauth URI and keeps the secret encrypted at rest', async () => {
    const setup = await t.http
      .post('/api/auth/2fa/setup')
      .set(...auth(user.token))
      .expect(200);
    secret = setup.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(setup.body.otpauthUri).toBe(
      `otpauth://totp/Inkwell:otto?secret=${secret}&issuer=Inkwell`,
    );
    const stored = await t.dataSource.getRepository(TwoFactor).findOneByOrFail({ userId });
    expect(stored).toMatchObject({ keyId: 'dev', enabledAt: null });
    expect(stored.secretCiphertext).not.toContain(secret);
    expect(Buffer.from(stored.secretCiphertext, 'base64').toString('latin1')).not.toContain(secret);

    // Not on until confirmed: login still answers a token.
    expect((await login()).body.user.token).toEqual(expect.any(String));
  });

  it('turns on only with a valid code, and hands out ten recovery codes once', async () => {
    await t.http
      .post('/api/auth/2fa/enable')
      .set(...auth(user.token))
      .send({ code: '000000' })
      .expect(422);
    await t.http
      .post('/api/auth/2fa/enable')
      .set(...auth(user.token))
      .send({ code: 'abc' })
      .expect(422);
    // The previous step's code: later tests use the current and next ones.
    const enabled = await t.http
      .post('/api/auth/2fa/enable')
      .set(...auth(user.token))
      .send({ code: await totp(secret, -1) })
      .expect(200);
    recoveryCodes = enabled.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const stored = await t.dataSource.getRepository(RecoveryCode).findBy({ userId });
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.codeHash).join()).not.toContain(recoveryCodes[0]);
    expect(await auditCount('two_factor.enabled')).toBe(1);

    await t.http
      .post('/api/auth/2fa/setup')
      .set(...auth(user.token))
      .expect(422);
  });

  it('answers login with a challenge instead of a token, and opens no session yet', async () => {
    const sessionsBefore = await t.dataSource.getRepository(Session).countBy({ userId });
    const response = await login();
    expect(response.body).toEqual({
      twoFactorRequired: true,
      challenge: expect.any(String),
      challengeExpiresAt: expect.any(String),
    });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await t.dataSource.getRepository(Session).countBy({ userId })).toBe(sessionsBefore);
    // The challenge is no access token.
    await t.http
      .get('/api/user')
      .set(...auth(response.body.challenge))
      .expect(401);
  });

  it('completes the login with a real TOTP code, once per code', async () => {
    const { challenge } = (await login()).body;
    const wrong = await t.http
      .post('/api/auth/2fa/verify')
      .send({ challenge, code: '123456' === (await totp(secret)) ? '654321' : '123456' })
      .expect(401);
    expect(wrong.body).toEqual({ errors: { code: ['is invalid'] } });
    expect(await auditCount('two_factor.failed')).toBe(1);

    const code = await totp(secret);
    const verified = await t.http
      .post('/api/auth/2fa/verify')
      .send({ challenge, code })
      .expect(200);
    expect(verified.body.user).toMatchObject({
      username: 'otto',
      token: expect.any(String),
      refreshToken: expect.any(String),
    });
    await t.http
      .get('/api/user')
      .set(...auth(verified.body.user.token))
      .expect(200);

    // The same code again, even with a fresh challenge: refused.
    const again = (await login()).body.challenge;
    await t.http.post('/api/auth/2fa/verify').send({ challenge: again, code }).expect(401);
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const { challenge } = (await login()).body;
    const typed = recoveryCodes[0].toLowerCase().replace(/-/g, ' ');
    await t.http.post('/api/auth/2fa/verify').send({ challenge, recoveryCode: typed }).expect(200);
    await t.http
      .post('/api/auth/2fa/verify')
      .send({ challenge, recoveryCode: recoveryCodes[0] })
      .expect(401);
    const used = await t.dataSource.getRepository(RecoveryCode).countBy({ userId });
    expect(used).toBe(10);
  });

  it('refuses malformed and forged challenges', async () => {
    await t.http
      .post('/api/auth/2fa/verify')
      .send({ challenge: 'nope', code: '123456' })
      .expect(422);
    // An access token is a JWT too, but not a challenge.
    await t.http
      .post('/api/auth/2fa/verify')
      .send({ challenge: user.token, code: await totp(secret, 1) })
      .expect(401);
    const { challenge } = (await login()).body;
    await t.http.post('/api/auth/2fa/verify').send({ challenge }).expect(422);
    await t.http
      .post('/api/auth/2fa/verify')
      .send({ challenge, code: '123456', recoveryCode: recoveryCodes[1] })
      .expect(422);
  });

  it('turns off with a code or a recovery code, after which login answers a token again', async () => {
    await t.http
      .post('/api/auth/2fa/disable')
      .set(...auth(user.token))
      .send({ recoveryCode: 'AAAA-AAAA-AAAA-AAAA' })
      .expect(401);
    await t.http
      .post('/api/auth/2fa/disable')
      .set(...auth(user.token))
      .send({ recoveryCode: recoveryCodes[1] })
      .expect(204);
    expect(await t.dataSource.getRepository(TwoFactor).countBy({ userId })).toBe(0);
    expect(await t.dataSource.getRepository(RecoveryCode).countBy({ userId })).toBe(0);
    expect(await auditCount('two_factor.disabled')).toBe(1);
    expect((await login()).body.user.token).toEqual(expect.any(String));
    await t.http
      .post('/api/auth/2fa/disable')
      .set(...auth(user.token))
      .send({ code: '123456' })
      .expect(422);
  });

  it('documents both login answers and the 2FA routes', async () => {
    const docs = await t.http.get('/docs-json').expect(200);
    const login200 = docs.body.paths['/api/users/login'].post.responses['200'];
    expect(login200.content['application/json'].schema.oneOf).toHaveLength(2);
    for (const path of ['setup', 'enable', 'disable', 'verify']) {
      expect(docs.body.paths[`/api/auth/2fa/${path}`].post.summary).toEqual(expect.any(String));
    }
    expect(docs.body.components.schemas.TwoFactorChallengeDto.properties).toHaveProperty(
      'challenge',
    );
  });
});
