/** Jest runs the TypeScript sources as ESM through SWC; every suite boots real Payload. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@payload-config$': '<rootDir>/src/payload.config.ts',
    '\\.(css|scss)$': '<rootDir>/tests/helpers/styleStub.cjs',
  },
  globalSetup: '<rootDir>/tests/helpers/buildOnce.mjs',
  testMatch: ['<rootDir>/tests/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/'],
  testTimeout: 180_000,
  maxWorkers: 2,
}
