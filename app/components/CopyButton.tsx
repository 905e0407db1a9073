// A button that copies a one-time link or a calendar address, beside the address shown as text. It appears only
// once the page has hydrated and the browser offers the clipboard (progressive enhancement): without JavaScript
// the address is still there to select and copy, and no button that does nothing is shown.
import { useEffect, useState } from "react";

export function CopyButton({ text, children }: { text: string; children: string }) {
  const [usable, setUsable] = useState(false);
  const [status, setStatus] = useState("");
  useEffect(() => {
    setUsable(Boolean(navigator.clipboard?.writeText));
  }, []);
  if (!usable) return null;
  async function copy() {
    // Emptied first, so that copying twice is announced twice.
    setStatus("");
    try {
      await navigator.clipboard.writeText(text);
      setStatus("Copied");
    } catch {
      setStatus("Could not copy: select the address and copy it yourself");
    }
  }
  return (
    <div className="tandem-copy">
      <button
        type="button"
        className="govuk-button govuk-button--secondary tandem-copy__button"
        onClick={copy}
      >
        {children}
      </button>
      <span className="govuk-body tandem-copy__status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
