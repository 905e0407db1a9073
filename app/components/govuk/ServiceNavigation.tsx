import { cx } from "./utils";

export interface ServiceNavigationItem {
  href: string;
  text: string;
  /** The link is the current page (`aria-current="page"`). */
  current?: boolean;
  /** The user is within this section, but not on its landing page (`aria-current="true"`). */
  active?: boolean;
}

export interface ServiceNavigationProps {
  /** Left out when the header already names the service. */
  serviceName?: string;
  serviceUrl?: string;
  items: ServiceNavigationItem[];
  /** Accessible name of the `<nav>` (govuk-frontend's `navigationLabel`); defaults to `menuButtonText`. */
  ariaLabel?: string;
  menuButtonText?: string;
}

const NAVIGATION_ID = "navigation";

export function ServiceNavigation({
  serviceName,
  serviceUrl,
  items,
  menuButtonText = "Menu",
  ariaLabel = menuButtonText,
}: ServiceNavigationProps) {
  return (
    <section
      aria-label="Service information"
      className="govuk-service-navigation"
      data-module="govuk-service-navigation"
    >
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          {serviceName ? (
            <span className="govuk-service-navigation__service-name">
              <a href={serviceUrl ?? "/"} className="govuk-service-navigation__link">
                {serviceName}
              </a>
            </span>
          ) : null}
          {items.length > 0 && (
            <nav aria-label={ariaLabel} className="govuk-service-navigation__wrapper">
              {items.length > 1 && (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: hidden until govuk-frontend's JavaScript shows it
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls={NAVIGATION_ID}
                  hidden
                  aria-hidden="true"
                >
                  {menuButtonText}
                </button>
              )}
              <ul className="govuk-service-navigation__list" id={NAVIGATION_ID}>
                {items.map((item) => {
                  const highlighted = item.current || item.active;
                  return (
                    <li
                      key={item.href}
                      className={cx(
                        "govuk-service-navigation__item",
                        highlighted && "govuk-service-navigation__item--active",
                      )}
                    >
                      <a
                        className="govuk-service-navigation__link"
                        href={item.href}
                        aria-current={item.current ? "page" : item.active ? "true" : undefined}
                      >
                        {highlighted ? (
                          <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                        ) : (
                          item.text
                        )}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </nav>
          )}
        </div>
      </div>
    </section>
  );
}
