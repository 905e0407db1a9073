import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { actorOf, requireUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { redirectWithBanner } from "~/auth/session.server";
import { ssoProviderForEmail } from "~/auth/sso.server";
import { newCalendarAddress } from "~/commands/accounts.server";
import { saveEmailPreferences } from "~/commands/email-preferences.server";
import { run } from "~/commands/runner.server";
import { CopyButton } from "~/components/CopyButton";
import { DottedLinks } from "~/components/DottedLinks";
import { EmailPreferences } from "~/components/EmailPreferences";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button, InsetText, SummaryList, WarningText } from "~/components/govuk";
import { LinkParagraph } from "~/components/LinkParagraph";
import { formatUkDateTime } from "~/domain/calendar";
import { OPTIONAL_MESSAGE_KINDS } from "~/domain/mail/preferences";
import { MESSAGE_KINDS } from "~/domain/vocabulary";
import { EmailPreferencesSchema } from "~/forms/email-preferences";
import { type SessionUser, setReveal, takeReveal } from "~/models/account.server";
import { getCalendarFeed } from "~/models/calendar-feed.server";
import { optOutsOf } from "~/models/email-preferences.server";
import { getPerson } from "~/models/person.server";
import { listCohortsOfPerson } from "~/models/programme.server";
import { getSecondFactor } from "~/models/second-factor.server";
import { absoluteUrl } from "~/utils/links.server";
import { pageMeta } from "~/utils/meta";
import { paths } from "~/utils/paths";

export const meta = pageMeta("Your profile");
export const ErrorBoundary = RouteErrorBoundary;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const db = context.db;
  const [person, feed, cohorts, optedOut, secondFactor, provider] = await Promise.all([
    getPerson(db, user.personId),
    getCalendarFeed(db, user.personId),
    listCohortsOfPerson(db, user.personId),
    optOutsOf(db, user.personId),
    getSecondFactor(db, user.personId),
    // Someone whose organisation signs them in has no Tandem password: their provider asks for any second factor.
    ssoProviderForEmail(context, user.email),
  ]);
  // The feed's address is shown once, straight after it is made: only its hash is kept.
  const revealed = await takeReveal(db, user.sessionId);
  const token = feedToken(revealed);
  // A cohort's own feed is for those who run it (the feed route checks the same).
  const coordinated = cohorts.filter((c) =>
    can({ roles: c.roles, user: { isAdmin: false } }, "cohort:manage"),
  );
  return {
    person: {
      id: user.personId,
      name: person?.name ?? user.name,
      email: user.email,
      organisation: person?.organisation_name ?? null,
    },
    twoStepSince: secondFactor?.enrolled_at ?? null,
    provider: provider?.name ?? null,
    feedCreatedAt: feed?.created_at ?? null,
    feedUrl: token ? absoluteUrl(request, paths.calendarFeed(token)) : null,
    cohortFeeds: token
      ? coordinated.map((c) => ({
          id: c.id,
          name: c.name,
          url: absoluteUrl(request, paths.cohortCalendarFeed(token, c.id)),
        }))
      : [],
    emails: OPTIONAL_MESSAGE_KINDS.map((kind) => ({
      kind,
      label: MESSAGE_KINDS[kind],
      on: !optedOut.includes(kind),
    })),
  };
}

function feedToken(revealed: string | null): string | null {
  try {
    const parsed = revealed ? (JSON.parse(revealed) as { kind?: string; token?: string }) : null;
    return parsed?.kind === "calendar-feed" && parsed.token ? parsed.token : null;
  } catch {
    return null;
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(context, request);
  const formData = await request.formData();
  if (formData.get("intent") === "email-preferences") return saveEmails(context, request, user, formData);
  const outcome = await run(context.db, actorOf(context, user), newCalendarAddress, {
    personId: user.personId,
  });
  if (!outcome.ok) throw new Response("The calendar address could not be made", { status: 500 });
  await setReveal(
    context.db,
    user.sessionId,
    JSON.stringify({ kind: "calendar-feed", token: outcome.token }),
  );
  return redirectWithBanner(
    context,
    request,
    paths.profile(),
    "Your new calendar address is ready. Any earlier address has stopped working.",
  );
}

/** The email choices: the boxes are the only input, so anything else is a broken request, not a mistake to show. */
async function saveEmails(context: AppLoadContext, request: Request, user: SessionUser, formData: FormData) {
  const submission = parseWithZod(formData, { schema: EmailPreferencesSchema });
  if (submission.status !== "success") throw new Response("Choose emails from the list", { status: 400 });
  const outcome = await run(context.db, actorOf(context, user), saveEmailPreferences, {
    personId: user.personId,
    wanted: submission.value.wanted,
  });
  if (!outcome.ok) throw new Response("Your email choices could not be saved", { status: 500 });
  return redirectWithBanner(context, request, paths.profile(), "Your email choices are saved");
}

export default function Profile() {
  const { person, feedCreatedAt, feedUrl, cohortFeeds, emails, twoStepSince, provider } =
    useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your profile</h1>
        <SummaryList
          rows={[
            { key: "Name", value: person.name },
            { key: "Email address", value: person.email },
            { key: "Organisation", value: person.organisation ?? "None" },
            provider
              ? {
                  key: "Signing in",
                  value: `Through ${provider}, your organisation's sign-in: it decides how you prove it is you`,
                }
              : {
                  key: "Two-step verification",
                  value: twoStepSince ? `Set up on ${formatUkDateTime(twoStepSince)}` : "Not set up",
                  actions: [
                    {
                      href: paths.twoStepVerification(),
                      text: twoStepSince ? "Change" : "Set up",
                      visuallyHiddenText: "two-step verification",
                    },
                  ],
                },
          ]}
        />
        <p className="govuk-body">
          <DottedLinks
            links={[
              {
                href: paths.person(person.id).data(),
                download: true,
                text: "Download everything Tandem holds about you (JSON)",
              },
              { href: paths.privacy(), text: "Privacy notice" },
            ]}
          />
        </p>
        <h2 className="govuk-heading-m">Signing in</h2>
        <LinkParagraph to={paths.passkeys()}>Passkeys: sign in without your password</LinkParagraph>
        <h2 className="govuk-heading-m">Your calendar</h2>
        <p className="govuk-body">
          Subscribe to your Tandem calendar in Outlook or any calendar app (“Add calendar from the internet”)
          to see your cohort's milestones and company visits. Changes appear there by themselves.
        </p>
        {feedUrl ? (
          <>
            <InsetText>
              <p className="govuk-body govuk-!-font-weight-bold">Your calendar address</p>
              <p className="govuk-body tandem-one-time-link" id="calendar-feed-url">
                {feedUrl}
              </p>
              <CopyButton text={feedUrl}>Copy your calendar address</CopyButton>
            </InsetText>
            <WarningText>
              Copy it now: Tandem shows it only once. Anyone with it can see your programme dates.
            </WarningText>
            {cohortFeeds.length > 0 ? (
              <>
                <p className="govuk-body">As a coordinator you can also subscribe to a whole cohort:</p>
                {cohortFeeds.map((c) => (
                  <InsetText key={c.id}>
                    <p className="govuk-body govuk-!-font-weight-bold">{c.name}</p>
                    <p className="govuk-body tandem-one-time-link" id={`cohort-calendar-feed-url-${c.id}`}>
                      {c.url}
                    </p>
                    <CopyButton text={c.url}>{`Copy the calendar address of ${c.name}`}</CopyButton>
                  </InsetText>
                ))}
              </>
            ) : null}
          </>
        ) : feedCreatedAt ? (
          <p className="govuk-body">
            You made a calendar address on {formatUkDateTime(feedCreatedAt)}. If you have lost it, or someone
            else has it, make a new one: the old one stops working.
          </p>
        ) : null}
        <Form method="post">
          <Button variant={feedCreatedAt ? "secondary" : undefined}>
            {feedCreatedAt ? "Reset your calendar address" : "Make your calendar address"}
          </Button>
        </Form>
        <EmailPreferences choices={emails} />
      </div>
    </div>
  );
}
