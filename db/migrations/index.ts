// Every migration, in order. Listed statically (not read from disk) so the server bundle carries them.
import type { Migration } from "kysely";
import * as foundation from "./2026-11-23T1900_foundation";
import * as cohortSetup from "./2026-11-23T2000_cohort_setup";
import * as teams from "./2026-11-23T2010_teams";
import * as pitchDay from "./2026-11-23T2040_pitch_day";
import * as reports from "./2026-11-23T2050_reports";
import * as mentoring from "./2026-11-23T2100_mentoring";
import * as indexes from "./2026-12-01T1900_indexes";
import * as membershipOrganisation from "./2026-12-02T1100_membership_organisation";
import * as outbox from "./2026-12-02T1200_outbox";
import * as passwordResetRequests from "./2026-12-02T1310_password_reset_requests";
import * as submissions from "./2026-12-02T1400_submissions";
import * as anonymousSubmissions from "./2026-12-02T1500_anonymous_submissions";
import * as pitchTeamReleases from "./2026-12-02T1637_pitch_team_releases";
import * as teamVersions from "./2026-12-02T1637_team_versions";
import * as sessionUpdatedBy from "./2026-12-02T1723_session_updated_by";
import * as jobRuns from "./2026-12-02T1741_job_runs";
import * as outboxQueuedAt from "./2026-12-02T1900_outbox_queued_at";
import * as sessionFactors from "./2026-12-03T0900_session_factors";
import * as identityProviders from "./2026-12-03T1000_identity_providers";
import * as secondFactor from "./2026-12-03T1010_second_factor";
import * as passkeys from "./2026-12-03T1020_passkeys";
import * as administratorsIndex from "./2026-12-03T1100_administrators_index";

export const migrations: Record<string, Migration> = {
  "2026-11-23T1900_foundation": foundation,
  "2026-11-23T2000_cohort_setup": cohortSetup,
  "2026-11-23T2010_teams": teams,
  "2026-11-23T2040_pitch_day": pitchDay,
  "2026-11-23T2050_reports": reports,
  "2026-11-23T2100_mentoring": mentoring,
  "2026-12-01T1900_indexes": indexes,
  "2026-12-02T1100_membership_organisation": membershipOrganisation,
  "2026-12-02T1200_outbox": outbox,
  "2026-12-02T1310_password_reset_requests": passwordResetRequests,
  "2026-12-02T1400_submissions": submissions,
  "2026-12-02T1500_anonymous_submissions": anonymousSubmissions,
  "2026-12-02T1637_pitch_team_releases": pitchTeamReleases,
  "2026-12-02T1637_team_versions": teamVersions,
  "2026-12-02T1723_session_updated_by": sessionUpdatedBy,
  "2026-12-02T1741_job_runs": jobRuns,
  "2026-12-02T1900_outbox_queued_at": outboxQueuedAt,
  "2026-12-03T0900_session_factors": sessionFactors,
  "2026-12-03T1000_identity_providers": identityProviders,
  "2026-12-03T1010_second_factor": secondFactor,
  "2026-12-03T1020_passkeys": passkeys,
  "2026-12-03T1100_administrators_index": administratorsIndex,
};
