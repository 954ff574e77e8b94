import { builder } from "../builder.ts";
import { BundleValidationError } from "../bundle/validate.ts";
import { ArticleInputError } from "../extract/input-error.ts";
import { forgetSpanStats } from "../graphql/span-stats.ts";
import { ingestArticle } from "../ingest/ingest-article.ts";
import { ingestBundle, type IngestResult as Result } from "../ingest/ingest-bundle.ts";
import { ValidationError } from "./errors.ts";
import { ArticleRef } from "./refs.ts";
import { Language } from "./scalars.ts";

const IngestResult = builder.objectRef<Result>("IngestResult").implement({
  fields: (t) => ({
    articleId: t.exposeID("articleId"),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      resolve: async (r, _a, ctx) => (await ctx.loaders.node(r.articleId)) as never,
    }),
    actors: t.exposeInt("actors"),
    locations: t.exposeInt("locations"),
    events: t.exposeInt("events"),
    claims: t.exposeInt("claims"),
  }),
});

/** Expected refusals become typed results naming the field; anything else stays an (masked) error. */
function asValidationError(error: unknown): never {
  if (error instanceof BundleValidationError) throw new ValidationError(error.message, error.issues);
  if (error instanceof ArticleInputError)
    throw new ValidationError(error.message, [{ path: error.field, message: error.message }]);
  throw error;
}

builder.mutationField("ingestBundle", (t) =>
  t.field({
    type: IngestResult,
    description: "Validates an article bundle (schema/article-bundle.schema.json) and stores it in one transaction",
    authScopes: { editor: true },
    errors: { types: [ValidationError] },
    args: { bundle: t.arg({ type: "JSON", required: true }) },
    resolve: async (_root, { bundle }, ctx) => {
      const result = await ingestBundle(ctx.db, bundle).catch(asValidationError);
      forgetSpanStats(ctx.db);
      return result;
    },
  }),
);

const ArticleInput = builder.inputType("ArticleInput", {
  fields: (t) => ({
    text: t.string({ required: true }),
    title: t.string({ required: false }),
    publisher: t.string({ required: false }),
    publishedAt: t.string({ required: false, description: "ISO 8601 date or date-time" }),
    language: t.field({ type: Language, required: false }),
    url: t.string({ required: false }),
  }),
});

builder.mutationField("ingestArticle", (t) =>
  t.field({
    type: IngestResult,
    description:
      "Extracts an article (fields, or `raw` text/HTML/JSON as a file would hold it) and stores its bundle in one transaction",
    authScopes: { editor: true },
    errors: { types: [ValidationError] },
    args: {
      article: t.arg({ type: ArticleInput, required: false }),
      raw: t.arg.string({ required: false }),
      filename: t.arg.string({ required: false, description: "its extension picks the format (.txt, .html, .json)" }),
    },
    resolve: async (_root, args, ctx) => {
      if (!args.article === !args.raw)
        throw new ValidationError("give either article or raw", [
          { path: "article", message: "give either article or raw, not both or neither" },
        ]);
      const bytes = args.article
        ? new TextEncoder().encode(JSON.stringify(args.article))
        : new TextEncoder().encode(args.raw ?? "");
      const filename = args.article ? "article.json" : (args.filename ?? undefined);
      const result = await ingestArticle(ctx.db, bytes, filename).catch(asValidationError);
      forgetSpanStats(ctx.db);
      return result;
    },
  }),
);
