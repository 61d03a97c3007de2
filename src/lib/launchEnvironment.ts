/**
 * What the person who started this process asked for, read once when this module is first
 * evaluated. Next sets `process.env.NODE_ENV` to `production` inside a custom server while it
 * prepares, and test runners set it to `test` for everything they spawn, so decisions taken later
 * (loading the demo, requiring a secret) must not read `process.env.NODE_ENV` themselves.
 * The server imports this module before anything that could start Next.
 */
const nodeEnvAtLaunch = process.env.NODE_ENV

/** `NODE_ENV=production` was set by whoever launched the process. */
export const launchedForProduction = (): boolean => nodeEnvAtLaunch === 'production'
