// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Footer } from "./Footer";

// Tandem's footer deliberately omits the crown and the licence block, so it is not compared with fixtures.
describe("Footer", () => {
  it("renders the support links and custom meta content", () => {
    const { container } = render(
      <Footer
        metaItems={[
          { href: "/accessibility", text: "Accessibility statement" },
          { href: "/privacy", text: "Privacy" },
        ]}
        metaHtml={<p className="govuk-body-s">Built by the Tandem team</p>}
      />,
    );
    const footer = screen.getByRole("contentinfo");
    expect(footer.className).toBe("govuk-footer");
    expect(within(footer).getByRole("heading", { level: 2, name: "Support links" }).className).toBe(
      "govuk-visually-hidden",
    );
    const links = within(footer).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href"), link.className])).toEqual([
      ["Accessibility statement", "/accessibility", "govuk-footer__link"],
      ["Privacy", "/privacy", "govuk-footer__link"],
    ]);
    expect(container.querySelector(".govuk-footer__meta-custom")?.textContent).toBe(
      "Built by the Tandem team",
    );
    expect(
      container.querySelector("svg, .govuk-footer__licence-description, .govuk-footer__copyright-logo"),
    ).toBeNull();
  });

  it("omits the custom meta block when there is no metaHtml", () => {
    const { container } = render(<Footer metaItems={[{ href: "/help", text: "Help" }]} />);
    expect(container.querySelector(".govuk-footer__meta-custom")).toBeNull();
  });
});
