import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useLoaderData,
  useLocation,
} from "@remix-run/react";
import { type ReactNode, useEffect } from "react";
import { getSessionUser, takeBanner } from "~/auth/session.server";
import { ErrorPage } from "~/components/ErrorPage";
import { Footer, GenericHeader, NotificationBanner, ServiceNavigation, SkipLink } from "~/components/govuk";
import { useNonce } from "~/utils/nonce";
import { paths } from "~/utils/paths";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/css/tandem.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Tandem" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(context, request);
  if (user && context.requestLog) context.requestLog.personId = user.personId;
  const banner = user ? await takeBanner(context, request) : null;
  // The error page quotes it, so whoever reports a problem can point to its log lines (components/ErrorPage).
  return {
    user: user ? { name: user.name, isAdmin: user.isAdmin } : null,
    banner,
    requestId: context.requestId,
  };
}

/** Every request for data runs the root loader too, so the request id an error page quotes is that request's. */
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

const GOVUK_FRONTEND = "/js/govuk-frontend.min.js";

/** Runs GOV.UK Frontend's JavaScript on each page the client renders (it skips what it set up already). */
function useGovukFrontend() {
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run on every navigation
  useEffect(() => {
    if (!document.body.classList.contains("govuk-frontend-supported")) return;
    import(/* @vite-ignore */ GOVUK_FRONTEND)
      // Components already set up on this page report an InitError: expected after a client navigation.
      .then((govuk: { initAll: (config?: object) => void }) =>
        govuk.initAll({
          onError: (error: Error) => {
            if (error.name !== "InitError") console.error(error);
          },
        }),
      )
      .catch(() => undefined);
  }, [location.key]);
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <script
          nonce={nonce}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: GOV.UK Frontend's documented feature check
          dangerouslySetInnerHTML={{
            __html:
              "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

type Chrome = { user: { name: string; isAdmin: boolean } | null; banner?: string | null };

function PageChrome({ user, banner, children }: Chrome & { children: ReactNode }) {
  const location = useLocation();
  const items = user
    ? [
        { href: "/", text: "Home", current: location.pathname === "/" },
        ...(user.isAdmin
          ? [{ href: "/programmes", text: "Programmes", active: location.pathname.startsWith("/programmes") }]
          : []),
      ]
    : [];
  return (
    <>
      <SkipLink href="#main-content">Skip to main content</SkipLink>
      <header className="govuk-template__header">
        <GenericHeader serviceName="Tandem" homeHref="/" />
      </header>
      {user ? <ServiceNavigation items={items} /> : null}
      <div className="govuk-width-container">
        {user ? (
          <div className="tandem-account-bar govuk-body-s">
            <span>
              Signed in as <strong>{user.name}</strong>
            </span>
            <Link className="govuk-link govuk-link--no-visited-state" to={paths.profile()}>
              Your profile and email settings
            </Link>
            <form method="post" action="/sign-out" className="tandem-inline-form">
              <button type="submit" className="tandem-link-button govuk-body-s">
                Sign out
              </button>
            </form>
          </div>
        ) : null}
        <main className="govuk-main-wrapper" id="main-content">
          {banner ? (
            <NotificationBanner type="success" title="Success">
              {banner}
            </NotificationBanner>
          ) : null}
          {children}
        </main>
      </div>
      <Footer
        metaItems={[
          { href: "/accessibility", text: "Accessibility statement" },
          { href: "/privacy", text: "Privacy notice" },
          { href: "/cookies", text: "Cookies" },
        ]}
      />
    </>
  );
}

export default function App() {
  const { user, banner } = useLoaderData<typeof loader>();
  useGovukFrontend();
  return (
    <Document>
      <PageChrome user={user} banner={banner}>
        <Outlet />
      </PageChrome>
    </Document>
  );
}

export function ErrorBoundary() {
  return (
    <Document>
      <PageChrome user={null}>
        <ErrorPage />
      </PageChrome>
    </Document>
  );
}
