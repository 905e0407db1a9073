// The working days company visits can fall on, by name and by number (1 is Monday). Kept apart from the rota so
// pages and audit sentences can name a weekday without bundling the rota's CSV parser into the browser.
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

/** 1 (Monday) .. 5 (Friday) */
export function weekdayNumber(name: WeekdayName): number {
  return WEEKDAYS.indexOf(name) + 1;
}

/** "Monday" .. "Friday", for 1 .. 5 */
export function weekdayLabel(day: number): string {
  const name = weekdayName(day);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

export function weekdayName(day: number): WeekdayName {
  const name = WEEKDAYS[day - 1];
  if (!name) throw new Error(`Not a weekday: ${day}`);
  return name;
}
