import { extractAccessToken } from './jwt.strategy.js';

describe('extractAccessToken', () => {
  const request = (authorization?: string) => ({ headers: { authorization } });

  it.each([
    ['Token abc.def.ghi', 'abc.def.ghi'],
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['token   abc.def.ghi  ', 'abc.def.ghi'],
  ])('reads %j', (header, token) => {
    expect(extractAccessToken(request(header))).toBe(token);
  });

  it.each([undefined, '', 'abc.def.ghi', 'Basic abc', 'Token', 'Token a b'])(
    'finds nothing in %j',
    (header) => {
      expect(extractAccessToken(request(header))).toBeNull();
    },
  );
});
