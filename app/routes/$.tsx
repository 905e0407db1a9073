import { notFound } from "~/auth/guards.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta("Page not found");
export const ErrorBoundary = RouteErrorBoundary;

export function loader(): never {
  notFound();
}

export function action(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
