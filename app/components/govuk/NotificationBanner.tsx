import type { ReactNode } from "react";
import { cx } from "./utils";

export interface NotificationBannerProps {
  type?: "success";
  /** Defaults to "Important", or "Success" for success banners. */
  title?: ReactNode;
  titleId?: string;
  /** A string is wrapped in a `govuk-notification-banner__heading` paragraph; other content is used as is. */
  children: ReactNode;
  /** Defaults to "alert" for success banners and "region" otherwise. */
  role?: string;
  disableAutoFocus?: boolean;
}

export function NotificationBanner({
  type,
  title = type === "success" ? "Success" : "Important",
  titleId = "govuk-notification-banner-title",
  children,
  role = type === "success" ? "alert" : "region",
  disableAutoFocus,
}: NotificationBannerProps) {
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: role is "region" or "alert" unless overridden
    <div
      className={cx("govuk-notification-banner", type && `govuk-notification-banner--${type}`)}
      role={role}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      data-disable-auto-focus={disableAutoFocus === undefined ? undefined : String(disableAutoFocus)}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {typeof children === "string" ? (
          <p className="govuk-notification-banner__heading">{children}</p>
        ) : (
          children
        )}
      </div>
    </div>
  );
}
