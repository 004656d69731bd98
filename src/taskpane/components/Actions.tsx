import * as React from "react";
import { Text } from "@fluentui/react-components";

/** Placeholder until the actions of issue 5 land. */
export function Actions(): React.JSX.Element {
  return <Text>Chưa có thao tác.</Text>;
}
