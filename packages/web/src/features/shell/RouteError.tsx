import { Center } from "@mantine/core";
import { useRouteError } from "react-router";
import { ErrorState } from "../../components/ErrorState";

export function RouteError() {
  const error = useRouteError();
  return <Center mih="60vh"><ErrorState error={error} onRetry={() => window.location.reload()} /></Center>;
}
