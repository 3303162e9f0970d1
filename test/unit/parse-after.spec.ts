import { BadRequestError, NotFoundError } from '../../src/common/errors/domain-error.js';
import { parseAfterRefusals } from '../../src/common/http/parse-after.js';

describe('parseAfterRefusals', () => {
  const malformed = () => {
    throw new BadRequestError('Unable to parse JSON');
  };

  it('should answer the parsed command without running the preconditions', async () => {
    let checked = false;
    const command = await parseAfterRefusals(
      () => ({ delete: true }),
      () => {
        checked = true;
        return Promise.resolve();
      },
    );
    expect(command).toEqual({ delete: true });
    expect(checked).toBe(false);
  });

  it("should let the service's refusal win over a malformed body", async () => {
    await expect(
      parseAfterRefusals(malformed, () => Promise.reject(new NotFoundError())),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('should throw the parse error once the preconditions hold', async () => {
    await expect(parseAfterRefusals(malformed, () => Promise.resolve())).rejects.toThrow(
      'Unable to parse JSON',
    );
  });
});
