// A participant's line-manager release as a GOV.UK tag.
import { Tag, type TagColour } from "./govuk";

const RELEASE_TAGS: Record<string, { text: string; colour: TagColour }> = {
  requested: { text: "Release requested", colour: "yellow" },
  approved: { text: "Released", colour: "green" },
  declined: { text: "Release declined", colour: "red" },
  none: { text: "Not asked", colour: "grey" },
};

export function ReleaseTag({ status }: { status: string | null }) {
  const tag = RELEASE_TAGS[status ?? "none"] ?? RELEASE_TAGS.none!;
  return <Tag colour={tag.colour}>{tag.text}</Tag>;
}
