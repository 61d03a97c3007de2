/**
 * `TRUST_PROXY` as express understands it: `true`/`false`, a number of hops, or addresses and
 * names (`loopback`, `10.0.0.0/8`, comma-separated). Express takes strings as addresses only, so
 * `TRUST_PROXY=false` would otherwise stop the server with "invalid IP address".
 */
export const trustProxySetting = (value = process.env.TRUST_PROXY ?? 'loopback'): boolean | number | string => {
  const setting = value.trim()
  if (setting === 'true' || setting === 'false') return setting === 'true'
  if (/^\d+$/.test(setting)) return Number(setting)
  return setting
}
