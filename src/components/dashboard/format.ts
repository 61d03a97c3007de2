/** The school's clock: dashboards show times as the staff live them, whatever the server's zone. */
const schoolTimeZone = 'Asia/Ho_Chi_Minh'

/** "30/11/2026 09:50", the admin's `dateFormat`, in the school's time zone. */
export const dayAndTime = (iso: string): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      minute: '2-digit',
      month: '2-digit',
      timeZone: schoolTimeZone,
      year: 'numeric',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  )
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`
}

/** "30/11/2026": the day alone, for dates that have no time of their own. */
export const day = (iso: string): string => dayAndTime(iso).slice(0, 10)

/** "12.3 MB" (one decimal, powers of 1024, as file managers show sizes). */
export const size = (bytes: number): string => {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`
}
