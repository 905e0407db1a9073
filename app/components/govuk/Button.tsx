import type { ReactNode } from "react";
import { cx } from "./utils";

export interface ButtonProps {
  children: ReactNode;
  type?: "submit" | "button" | "reset";
  variant?: "secondary" | "warning" | "inverse";
  /** Renders a link styled as a button instead of a `<button>`. */
  href?: string;
  name?: string;
  value?: string;
  preventDoubleClick?: boolean;
  disabled?: boolean;
  className?: string;
  isStartButton?: boolean;
  id?: string;
  form?: string;
}

function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

export function Button({
  children,
  type = "submit",
  variant,
  href,
  name,
  value,
  preventDoubleClick,
  disabled,
  className,
  isStartButton,
  id,
  form,
}: ButtonProps) {
  const common = {
    id,
    className: cx(
      "govuk-button",
      variant && `govuk-button--${variant}`,
      className,
      isStartButton && "govuk-button--start",
    ),
    "data-module": "govuk-button",
  };
  // Start buttons use flexbox, which drops whitespace between elements, so wrap rich content in a span.
  const content = (
    <>
      {isStartButton && typeof children !== "string" ? <span>{children}</span> : children}
      {isStartButton && (
        <>
          {" "}
          <StartIcon />
        </>
      )}
    </>
  );

  if (href) {
    return (
      // biome-ignore lint/a11y/useSemanticElements: govuk-frontend's link button markup
      <a href={href} role="button" draggable="false" {...common}>
        {content}
      </a>
    );
  }
  return (
    <button
      type={type}
      name={name}
      value={value}
      form={form}
      disabled={disabled}
      aria-disabled={disabled || undefined}
      data-prevent-double-click={preventDoubleClick === undefined ? undefined : String(preventDoubleClick)}
      {...common}
    >
      {content}
    </button>
  );
}
