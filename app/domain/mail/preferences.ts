// The kinds of email people can turn off (everything but the essential ones), in the vocabulary's order.
import { ESSENTIAL_MESSAGE_KINDS, MESSAGE_KINDS, type MessageKind } from "../vocabulary";

export const OPTIONAL_MESSAGE_KINDS: readonly MessageKind[] = (
  Object.keys(MESSAGE_KINDS) as MessageKind[]
).filter((kind) => !ESSENTIAL_MESSAGE_KINDS.includes(kind));

export function isOptionalKind(kind: string): kind is MessageKind {
  return (OPTIONAL_MESSAGE_KINDS as readonly string[]).includes(kind);
}
