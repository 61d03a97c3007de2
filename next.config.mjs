import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled: PDF.js and mammoth ship their own module layouts,
  // esbuild (which minifies the site's stylesheet) its own binary.
  serverExternalPackages: ['unpdf', 'mammoth', 'esbuild'],
  // Type-checking is its own step (`npm run typecheck`, run by the test suite), not part of every build.
  typescript: { ignoreBuildErrors: true },
  webpack: (webpackConfig) => {
    // Sources import siblings with `.js` extensions (ESM style); let webpack find the `.ts` files.
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

const withPayloadConfig = withPayload(nextConfig, { devBundleServerPackages: false })
const payloadHeaders = withPayloadConfig.headers

export default {
  ...withPayloadConfig,
  // Payload asks for the reader's colour scheme on every address with `Critical-CH`, and Chromium
  // answers by sending a first visit's request again with the hint: one more round trip (400 ms on a
  // slow mobile link) before the website's first page. Only the admin's theme reads it.
  headers: async () =>
    (await payloadHeaders()).map((rule) => (rule.source === '/:path*' ? { ...rule, source: '/admin/:path*' } : rule)),
}
