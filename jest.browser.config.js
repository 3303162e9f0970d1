import base from './jest.config.js';

/** `npm run test:browser`: Swagger UI in a real chromium (/usr/bin/chromium, or CHROMIUM_PATH). */
export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180_000,
};
