import { NoSchemaIntrospectionCustomRule } from "graphql";
import type { Plugin } from "graphql-yoga";

/** Turns schema introspection off (production default) by adding graphql-js's own rule. */
export function useIntrospection(enabled: boolean): Plugin {
  return {
    onValidate: ({ addValidationRule }) => {
      if (!enabled) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
