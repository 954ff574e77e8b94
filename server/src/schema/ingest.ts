import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import { BundleValidationError } from "../bundle/validate.ts";
import { ingestBundle } from "../ingest/ingest-bundle.ts";

const IngestResult = builder
  .objectRef<{ articleId: string; actors: number; locations: number; events: number; claims: number }>("IngestResult")
  .implement({
    fields: (t) => ({
      articleId: t.exposeID("articleId"),
      actors: t.exposeInt("actors"),
      locations: t.exposeInt("locations"),
      events: t.exposeInt("events"),
      claims: t.exposeInt("claims"),
    }),
  });

builder.mutationField("ingestBundle", (t) =>
  t.field({
    type: IngestResult,
    description: "Validates an article bundle (schema/article-bundle.schema.json) and stores it in one transaction",
    authScopes: { editor: true },
    args: { bundle: t.arg({ type: "JSON", required: true }) },
    resolve: async (_root, { bundle }, ctx) => {
      try {
        return await ingestBundle(ctx.db, bundle);
      } catch (error) {
        if (error instanceof BundleValidationError)
          throw new GraphQLError(error.message, { extensions: { code: "BAD_USER_INPUT", issues: error.issues } });
        throw error;
      }
    },
  }),
);
