import { jest } from '@jest/globals';
import { VerifiedTokens } from '../../src/modules/auth/verified-tokens.js';

describe('VerifiedTokens', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('should give back the claims of a remembered token until the second of its exp', () => {
    jest.useFakeTimers({ now: 1_000_000_000_000 });
    const tokens = new VerifiedTokens();
    const claims = { upk: 7, jtt: 'access', exp: 1_000_000_002 };
    tokens.remember('a.b.c', claims);
    expect(tokens.claimsOf('a.b.c')).toBe(claims);
    expect(tokens.claimsOf('a.b.d')).toBeUndefined();
    jest.setSystemTime(1_000_000_001_999);
    expect(tokens.claimsOf('a.b.c')).toBe(claims);
    jest.setSystemTime(1_000_000_002_000);
    expect(tokens.claimsOf('a.b.c')).toBeUndefined();
  });

  it('should not keep a token without a numeric exp', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('no-exp', { upk: 1 });
    tokens.remember('text-exp', { upk: 1, exp: '9999999999' });
    tokens.remember('null', null);
    expect(tokens.claimsOf('no-exp')).toBeUndefined();
    expect(tokens.claimsOf('text-exp')).toBeUndefined();
    expect(tokens.claimsOf('null')).toBeUndefined();
  });

  it('should forget the oldest token beyond 10,000', () => {
    const tokens = new VerifiedTokens();
    const exp = Math.floor(Date.now() / 1000) + 3600;
    for (let i = 0; i <= 10_000; i += 1) {
      tokens.remember(`t${i}`, { exp });
    }
    expect(tokens.claimsOf('t0')).toBeUndefined();
    expect(tokens.claimsOf('t1')).toEqual({ exp });
    expect(tokens.claimsOf('t10000')).toEqual({ exp });
  });
});
