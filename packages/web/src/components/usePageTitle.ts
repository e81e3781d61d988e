import { useEffect } from "react";

/** Each page names the browser tab, so history and bookmarks read well. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · OpenKAM` : "OpenKAM";
  }, [title]);
}
