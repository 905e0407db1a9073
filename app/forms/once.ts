// The one-time key a creating form carries (components/OnceOnly): a request id, or nothing usable.
export function onceKey(form: FormData): string | null {
  const value = form.get("once");
  return typeof value === "string" && /^[0-9a-f]{8,64}$/.test(value) ? value : null;
}
