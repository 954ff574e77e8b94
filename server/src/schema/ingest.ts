import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import type { ArticleBundle } from "../bundle/types.ts";
import { BundleValidationError } from "../bundle/validate.ts";
import { ArticleInputError } from "../extract/input-error.ts";
import { ExtractionBusyError, ExtractionTimeoutError } from "../extract-pool/pool.ts";
import { extractFromBytes, ingestArticle } from "../ingest/ingest-article.ts";
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
      resolve: (r, _a, ctx) => ctx.loaders.nodeOf("Article", r.articleId),
    }),
    actors: t.exposeInt("actors"),
    locations: t.exposeInt("locations"),
    events: t.exposeInt("events"),
    claims: t.exposeInt("claims"),
  }),
});

/**
 * Expected refusals become typed results naming the field; a full extraction
 * queue or an extraction stopped for time become errors with a code and an
 * HTTP status (503, with Retry-After when trying again helps); anything else
 * stays a (masked) error.
 */
function asValidationError(error: unknown): never {
  if (error instanceof BundleValidationError) throw new ValidationError(error.message, error.issues);
  if (error instanceof ArticleInputError)
    throw new ValidationError(error.message, [{ path: error.field, message: error.message }]);
  if (error instanceof ExtractionBusyError)
    throw new GraphQLError(error.message, {
      extensions: { code: "EXTRACTION_BUSY", http: { status: 503, headers: { "Retry-After": "5" } } },
    });
  if (error instanceof ExtractionTimeoutError)
    throw new GraphQLError(error.message, { extensions: { code: "EXTRACTION_TIMEOUT", http: { status: 503 } } });
  throw error;
}

builder.mutationField("ingestBundle", (t) =>
  t.field({
    type: IngestResult,
    description:
      "Validates an article bundle (schema/article-bundle.schema.json) and stores it in one transaction. Items the ingest review marked `assertedBy: ANALYST` (what the analyst changed or created) are stored as asserted by this editor key's name",
    authScopes: { editor: true },
    errors: { types: [ValidationError] },
    args: { bundle: t.arg({ type: "JSON", required: true }) },
    resolve: async (_root, { bundle }, ctx) => {
      // The asserter of analyst marks is the key's name from the request, never anything in the bundle.
      const analyst = ctx.role === "editor" ? ctx.who : undefined;
      return ingestBundle(ctx.db, bundle, ctx.who, { analyst }).catch(asValidationError);
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

/** The article arguments shared by ingestArticle and extractArticle. */
// biome-ignore lint/suspicious/noExplicitAny: Pothos' field builder type differs between Query and Mutation fields.
const articleArgs = (t: any) => ({
  article: t.arg({ type: ArticleInput, required: false }),
  raw: t.arg.string({ required: false }),
  filename: t.arg.string({ required: false, description: "its extension picks the format (.txt, .html, .json)" }),
});

interface ArticleArgs {
  article?: Record<string, unknown> | null;
  raw?: string | null;
  filename?: string | null;
}

/** The article as the bytes of a file, whichever way it was given; the filename picks the format. */
function articleBytes(args: ArticleArgs): { bytes: Uint8Array; filename?: string } {
  if ((args.article == null) === (args.raw == null))
    throw new ValidationError("give either article or raw", [
      { path: "article", message: "give either article or raw, not both or neither" },
    ]);
  if (args.article != null)
    return { bytes: new TextEncoder().encode(JSON.stringify(args.article)), filename: "article.json" };
  return { bytes: new TextEncoder().encode(args.raw ?? ""), filename: args.filename ?? undefined };
}

builder.mutationField("ingestArticle", (t) =>
  t.field({
    type: IngestResult,
    description:
      "Extracts an article (fields, or `raw` text/HTML/JSON as a file would hold it) and stores its bundle in one transaction",
    authScopes: { editor: true },
    errors: { types: [ValidationError] },
    args: articleArgs(t),
    resolve: async (_root, args, ctx) => {
      const { bytes, filename } = articleBytes(args as ArticleArgs);
      return ingestArticle(ctx.db, bytes, filename, ctx.who).catch(asValidationError);
    },
  }),
);

const ExtractedArticle = builder.objectRef<{ bundle: ArticleBundle }>("ExtractedArticle").implement({
  description: "An article bundle that was extracted but not stored",
  fields: (t) => ({
    bundle: t.field({
      type: "JSON",
      description: "valid against schema/article-bundle.schema.json",
      resolve: (r) => r.bundle,
    }),
    articleId: t.id({ resolve: (r) => r.bundle.article.id }),
    actors: t.int({ resolve: (r) => r.bundle.actors.length }),
    locations: t.int({ resolve: (r) => r.bundle.locations.length }),
    events: t.int({ resolve: (r) => r.bundle.events.length }),
    claims: t.int({ resolve: (r) => r.bundle.claims.length }),
  }),
});

builder.queryField("extractArticle", (t) =>
  t.field({
    type: ExtractedArticle,
    description:
      "The article bundle Rasd would store for this article (names already in the graph are recognised); writes nothing, so an editor can review it and send it to ingestBundle",
    authScopes: { reader: true },
    errors: { types: [ValidationError] },
    args: articleArgs(t),
    resolve: async (_root, args, ctx) => {
      const { bytes, filename } = articleBytes(args as ArticleArgs);
      return { bundle: await extractFromBytes(ctx.db, bytes, filename).catch(asValidationError) };
    },
  }),
);
