// Said on the Outbox pages when this server has no mail server to send through.
import { NotificationBanner } from "./govuk";

export function NotSendingBanner() {
  return (
    <NotificationBanner title="Email is not being sent" titleId="not-sending-title">
      <p className="govuk-notification-banner__heading">
        Emails wait here and are not being sent: no mail server is set up.
      </p>
      <p className="govuk-body">
        To send them, set SMTP_URL to your mail server (for example
        smtps://user:password@smtp.example.com:465) and restart Tandem. Waiting emails are sent then.
      </p>
    </NotificationBanner>
  );
}
