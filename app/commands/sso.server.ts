// Signing in through an identity provider: the single-use request sent to it, using that request when the provider
// answers, and what the answer leads to (a sign-in, an invitation accepted, a step-up confirmed, or a failure), each
// audited.
import type { SsoFailure } from "~/domain/sso";
import type { SsoPurpose } from "~/domain/vocabulary";
import { markSessionVerified } from "~/models/account.server";
import {
  claimSsoRequest,
  createSsoRequest,
  type NewSsoRequest,
  redeemInvitationLink,
} from "~/models/identity-provider.server";
import { command, invalid, ok } from "./runner.server";

export const beginSsoRequest = command({
  async execute(c, input: NewSsoRequest) {
    await createSsoRequest(c.tx, input);
    return ok();
  },
});

/** Uses the request the provider's answer names: refused when it is unknown, expired or used already. */
export const takeSsoRequest = command({
  async execute(c, input: { state: string }) {
    const request = await claimSsoRequest(c.tx, input.state);
    if (!request) return invalid("state", "The sign-in has expired or has already been used");
    return ok({ request });
  },
});

type Provider = { id: number; name: string };

export const ssoSignedIn = command({
  async execute(c, input: { personId: number; provider: Provider; purpose: SsoPurpose }) {
    c.audit({
      action: "sso.signed_in",
      subjectType: "person",
      subjectId: input.personId,
      details: { provider: input.provider.name, purpose: input.purpose },
    });
    return ok();
  },
});

export const ssoFailed = command({
  async execute(
    c,
    input: {
      provider: Provider;
      purpose: SsoPurpose;
      reason: SsoFailure;
      email: string | null;
      personId: number | null;
      detail: string | null;
    },
  ) {
    c.audit({
      action: "sso.failed",
      subjectType: "person",
      subjectId: input.personId,
      details: {
        provider: input.provider.name,
        purpose: input.purpose,
        reason: input.reason,
        email: input.email?.toLowerCase() ?? null,
        detail: input.detail,
      },
    });
    return ok();
  },
});

/** The invited person signed in at their organisation's provider: the invitation link is used, as a password would. */
export const acceptInvitationWithSso = command({
  async execute(c, input: { linkId: number; personId: number; provider: Provider }) {
    if (!(await redeemInvitationLink(c.tx, input.linkId, input.personId)))
      return invalid("link", "The invitation can no longer be used");
    c.audit({
      action: "invitation.accepted",
      subjectType: "person",
      subjectId: input.personId,
      details: { via: input.provider.name },
    });
    c.audit({
      action: "sso.signed_in",
      subjectType: "person",
      subjectId: input.personId,
      details: { provider: input.provider.name, purpose: "invitation" },
    });
    return ok();
  },
});

/** The person signed in again at the provider before a dangerous action: the session is verified now. */
export const confirmWithSso = command({
  async execute(c, input: { sessionId: string; personId: number; provider: Provider }) {
    await markSessionVerified(c.tx, input.sessionId);
    c.audit({
      action: "sso.signed_in",
      subjectType: "person",
      subjectId: input.personId,
      details: { provider: input.provider.name, purpose: "confirm" },
    });
    return ok();
  },
});
