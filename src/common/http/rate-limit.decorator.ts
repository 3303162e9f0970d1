import { SetMetadata } from '@nestjs/common';

export const PASSWORD_RATE_LIMITED = 'strata:passwordRateLimited';
export const NOT_RATE_LIMITED = 'strata:notRateLimited';

/**
 * The route checks a password: besides the general limit, it gets the stricter
 * `RATE_LIMIT_AUTH`, per client address, against password guessing.
 */
export const PasswordRateLimit = (): MethodDecorator => SetMetadata(PASSWORD_RATE_LIMITED, true);

/** No rate limit at all (health probes). */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator =>
  SetMetadata(NOT_RATE_LIMITED, true);
