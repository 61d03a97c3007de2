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

export default withPayload(nextConfig, { devBundleServerPackages: false })
