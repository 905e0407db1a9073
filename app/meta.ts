// Page titles: "Page – Tandem", "Error: Page – Tandem" after a failed form, or the error page's title.
import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { errorTitle } from "~/components/ErrorPage";

type TitleSource<Loader> = string | ((args: MetaArgs<Loader>) => string);

export function pageMeta<Loader = unknown>(source: TitleSource<Loader>) {
  return (args: MetaArgs<Loader>): MetaDescriptor[] => {
    if (args.error) return [{ title: `${errorTitle(args.error)} – Tandem` }];
    const title = typeof source === "string" ? source : source(args);
    return [{ title: `${title} – Tandem` }];
  };
}
