// The GOV.UK-styled page for requests refused before Remix sees them (a body too large, of the wrong type, or a
// sign-in attempt from an address that must wait): the app's header and footer around a heading and a sentence.
import type { Request, Response } from "express";
import { renderToStaticMarkup } from "react-dom/server";
import { Footer, GenericHeader, SkipLink } from "../app/components/govuk";

export type Refusal = {
  status: number;
  title: string;
  body: string;
  headers?: Record<string, string>;
  /** Close the connection after answering, leaving the rest of the body unread (it is too large to discard). */
  close?: boolean;
};

export function refusalPage({ title, body }: Refusal): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <html lang="en" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <title>{`${title} – Tandem`}</title>
        <link rel="stylesheet" href="/css/tandem.css" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body className="govuk-template__body">
        <SkipLink href="#main-content">Skip to main content</SkipLink>
        <header className="govuk-template__header">
          <GenericHeader serviceName="Tandem" homeHref="/" />
        </header>
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-two-thirds">
                <h1 className="govuk-heading-l">{title}</h1>
                <p className="govuk-body">{body}</p>
                <p className="govuk-body">
                  <a className="govuk-link" href="/">
                    Go to your Tandem home page
                  </a>
                </p>
              </div>
            </div>
          </main>
        </div>
        <Footer
          metaItems={[
            { href: "/accessibility", text: "Accessibility statement" },
            { href: "/privacy", text: "Privacy notice" },
            { href: "/cookies", text: "Cookies" },
          ]}
        />
      </body>
    </html>,
  )}`;
}

/**
 * Answers with the refusal page. Browsers read an answer only once they have sent the whole body, and Node closes
 * a connection whose request it has not read, so the rest of the body is read first and thrown away. With
 * `close`, the answer goes at once and the connection is closed: for a body too large to be worth reading, or
 * when the answer must not wait for the body at all (the sign-in throttle).
 */
export function refuse(req: Request, res: Response, refusal: Refusal) {
  const answer = () => {
    if (res.headersSent) return;
    res.status(refusal.status).set({ ...refusal.headers });
    if (refusal.close) res.set("Connection", "close");
    res.type("html").send(refusalPage(refusal));
  };
  if (refusal.close || req.complete) return answer();
  req.on("end", answer);
  req.on("error", () => res.destroy());
  req.resume();
}
