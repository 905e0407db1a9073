import type { ReactNode } from "react";

export interface FooterProps {
  metaItems: Array<{ href: string; text: string }>;
  /** Extra content under the links, e.g. a contact line. */
  metaHtml?: ReactNode;
}

/** GOV.UK footer meta section, without the crown or the Open Government Licence: Tandem is not a GOV.UK service. */
export function Footer({ metaItems, metaHtml }: FooterProps) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            {metaItems.length > 0 && (
              <ul className="govuk-footer__inline-list">
                {metaItems.map((item) => (
                  <li key={item.href} className="govuk-footer__inline-list-item">
                    <a className="govuk-footer__link" href={item.href}>
                      {item.text}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {metaHtml && <div className="govuk-footer__meta-custom">{metaHtml}</div>}
          </div>
        </div>
      </div>
    </footer>
  );
}
