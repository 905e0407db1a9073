export interface GenericHeaderProps {
  serviceName?: string;
  homeHref?: string;
}

/** govuk-frontend's generic header with a text logo: no crown, as Tandem is not a GOV.UK service. */
export function GenericHeader({ serviceName = "Tandem", homeHref = "/" }: GenericHeaderProps) {
  return (
    <div className="govuk-generic-header">
      <div className="govuk-generic-header__container govuk-width-container">
        <div className="govuk-generic-header__logo">
          <a href={homeHref} className="govuk-generic-header__homepage-link">
            {serviceName}
          </a>
        </div>
      </div>
    </div>
  );
}
