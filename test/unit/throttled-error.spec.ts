import { ThrottledError } from '../../src/common/errors/domain-error.js';

describe('ThrottledError', () => {
  it("should say the wait in DRF's words, singular and plural", () => {
    expect(new ThrottledError(1).message).toBe(
      'Request was throttled. Expected available in 1 second.',
    );
    expect(new ThrottledError(42).message).toBe(
      'Request was throttled. Expected available in 42 seconds.',
    );
    expect(new ThrottledError(42).status).toBe(429);
  });
});
