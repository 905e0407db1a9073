import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Table } from "~/components/govuk";
import { StaticPage } from "~/components/StaticPage";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Cookies");
export const ErrorBoundary = RouteErrorBoundary;

export default function Cookies() {
  return (
    <StaticPage heading="Cookies">
      <p className="govuk-body">
        Tandem puts one small file (a cookie) on your device, and only because the service cannot work without
        it. We do not use cookies to measure or track you, so we do not ask for your consent.
      </p>
      <Table
        caption="Essential cookies"
        captionSize="m"
        head={[{ text: "Name" }, { text: "Purpose" }, { text: "Expires" }]}
        rows={[
          [
            { text: "tandem_session" },
            { text: "Keeps you signed in. It holds a random number and nothing about you." },
            { text: "When you sign out, after 2 hours without using Tandem, or after 12 hours" },
          ],
        ]}
      />
    </StaticPage>
  );
}
