// Dates as Vietnamese readers write them (dd/mm/yyyy), in Vietnam's time zone, so that a build
// made at 23:30 UTC shows the next day's date as people in Ninh Giang lived it.
const dateFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** `2024-02-02` or `2024-02-02T08:30:00Z` → `02/02/2024`. A bare date is a calendar date, not UTC midnight. */
export function formatDateVi(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [year, month, day] = iso.split("-");
    return `${day}/${month}/${year}`;
  }
  return dateFormat.format(new Date(iso));
}

/** `2024-02-02T08:30:00Z` → `15:30 ngày 02/02/2024` (giờ Việt Nam). */
export function formatDateTimeVi(iso: string): string {
  const instant = new Date(iso);
  return `${timeFormat.format(instant)} ngày ${dateFormat.format(instant)}`;
}
