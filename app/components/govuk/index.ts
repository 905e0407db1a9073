export { BackLink, type BackLinkProps } from "./BackLink";
export { Button, type ButtonProps } from "./Button";
export { ButtonGroup, type ButtonGroupProps } from "./ButtonGroup";
export { Checkboxes, type CheckboxesProps } from "./Checkboxes";
export { type DateField, DateInput, type DateInputProps } from "./DateInput";
export { Details, type DetailsProps } from "./Details";
export { ErrorMessage, type ErrorMessageProps } from "./ErrorMessage";
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from "./ErrorSummary";
export { Fieldset, type FieldsetProps, type LegendSize } from "./Fieldset";
export { Footer, type FooterProps } from "./Footer";
export { GenericHeader, type GenericHeaderProps } from "./GenericHeader";
export { Hint, type HintProps } from "./Hint";
export { Input, type InputProps, type InputWidth } from "./Input";
export { InsetText, type InsetTextProps } from "./InsetText";
export { Label, type LabelProps } from "./Label";
export { NotificationBanner, type NotificationBannerProps } from "./NotificationBanner";
export { Pagination, type PaginationItem, type PaginationLink, type PaginationProps } from "./Pagination";
export { Panel, type PanelProps } from "./Panel";
export { type ChoiceItem, Radios, type RadiosProps } from "./Radios";
export { Select, type SelectItem, type SelectProps } from "./Select";
export {
  ServiceNavigation,
  type ServiceNavigationItem,
  type ServiceNavigationProps,
} from "./ServiceNavigation";
export { SkipLink, type SkipLinkProps } from "./SkipLink";
export { SummaryCard, type SummaryCardProps } from "./SummaryCard";
export { type SummaryAction, SummaryList, type SummaryListProps, type SummaryListRow } from "./SummaryList";
export { Table, type TableCell, type TableProps } from "./Table";
export { Tag, type TagColour, type TagProps } from "./Tag";
export { TaskList, type TaskListItem, type TaskListProps } from "./TaskList";
export { Textarea, type TextareaProps } from "./Textarea";
export type { FieldLike } from "./utils";
export { choiceItemId } from "./utils";
export { WarningText, type WarningTextProps } from "./WarningText";
