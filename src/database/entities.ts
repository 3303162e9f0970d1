import { User } from '../modules/users/user.entity.js';

/**
 * Every entity, listed explicitly (no globs) so the app, the migration CLI and the tests load
 * exactly the same set whether they run compiled JavaScript or TypeScript under jest.
 */
export const ENTITIES = [User];
