// Instants are stored as ISO-8601 UTC text; this is the one place that reads the clock.
export function nowIso(): string {
  return new Date().toISOString();
}

export function addMinutesIso(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
