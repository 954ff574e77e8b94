import { builder } from "../builder.ts";
import { articleExists, deleteArticleStatements } from "../cypher/delete-article.ts";
import { articleList } from "../cypher/entities.ts";
import type { ActorRow, ArticleRow, ClaimRow, EventRow, LocationRow } from "../cypher/rows.ts";
import { record } from "../edit/audit.ts";
import { countedConnection, listPage } from "./connections.ts";
import { NotFoundError } from "./errors.ts";
import { ActorRef, ArticleRef, ClaimRef, capped, EventRef, LocationRef, NodeRef } from "./refs.ts";
import { Language } from "./scalars.ts";

ArticleRef.implement({
  description: "A news article: the source every extracted item points back to",
  interfaces: [NodeRef],
  isTypeOf: (row) => (row as ArticleRow).label === "Article",
  fields: (t) => ({
    url: t.exposeString("url", { nullable: true }),
    title: t.exposeString("title"),
    publisher: t.exposeString("publisher"),
    language: t.expose("language", { type: Language }),
    publishedAt: t.field({ type: "DateTime", resolve: (a) => a.publishedAt }),
    producer: t.exposeString("producer", { nullable: true, description: "what made its bundle" }),
    contentHash: t.exposeString("contentHash"),
    text: t.string({
      nullable: true,
      description: "the full text (loaded only when asked for)",
      resolve: (a, _x, ctx) => ctx.loaders.articleText(a.id),
    }),
    events: t.field({
      type: [EventRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (a, x, ctx) =>
        (await ctx.loaders.related<EventRow>("articleEvents", a.id, capped(x.first, 100, 500))).map((r) => r.node),
    }),
    actors: t.field({
      type: [ActorRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (a, x, ctx) =>
        (await ctx.loaders.related<ActorRow>("articleActors", a.id, capped(x.first, 100, 500))).map((r) => r.node),
    }),
    locations: t.field({
      type: [LocationRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (a, x, ctx) =>
        (await ctx.loaders.related<LocationRow>("articleLocations", a.id, capped(x.first, 100, 500))).map(
          (r) => r.node,
        ),
    }),
    claims: t.field({
      type: [ClaimRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (a, x, ctx) =>
        (await ctx.loaders.related<ClaimRow>("articleClaims", a.id, capped(x.first, 100, 500))).map((r) => r.node),
    }),
  }),
});

const ArticleFilterInput = builder.inputType("ArticleFilter", {
  fields: (t) => ({
    publishers: t.stringList({ required: false }),
    language: t.field({ type: Language, required: false }),
    from: t.field({ type: "DateTime", required: false, description: "published at or after" }),
    to: t.field({ type: "DateTime", required: false, description: "published at or before" }),
  }),
});

builder.queryField("articles", (t) =>
  t.connection(
    {
      type: ArticleRef,
      authScopes: { reader: true },
      args: {
        filter: t.arg({ type: ArticleFilterInput, required: false }),
      },
      resolve: (_r, args, ctx) => listPage<ArticleRow>(ctx, articleList(args.filter ?? {}), args),
    },
    ...countedConnection("Article"),
  ),
);

interface Deleted {
  articleId: string;
  events: number;
  actors: number;
  locations: number;
  claims: number;
  tiesRemoved: number;
  tiesKept: number;
}

const DeleteArticleResult = builder.objectRef<Deleted>("DeleteArticleResult").implement({
  description: "What went with the article: nodes and ties only it supported; ties kept lost its evidence",
  fields: (t) => ({
    articleId: t.exposeID("articleId"),
    events: t.exposeInt("events"),
    actors: t.exposeInt("actors"),
    locations: t.exposeInt("locations"),
    claims: t.exposeInt("claims"),
    tiesRemoved: t.exposeInt("tiesRemoved"),
    tiesKept: t.exposeInt("tiesKept"),
  }),
});

builder.mutationField("deleteArticle", (t) =>
  t.field({
    type: DeleteArticleResult,
    description: "Removes an article and everything only it supported, in one transaction",
    authScopes: { editor: true },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      const found = await ctx.read(articleExists(String(id)));
      if (Number(found.records[0].get("found")) === 0) throw new NotFoundError(String(id));
      // The delete and its audit entry commit together (re-ingesting the article is how it is undone).
      return ctx.db.writeWork(async (run) => {
        const [deleteTies, deleteNodes] = deleteArticleStatements(String(id));
        const ties = await run(deleteTies);
        const nodes = await run(deleteNodes);
        const deleted = new Map(nodes.records.map((r) => [r.get("label"), Number(r.get("deleted"))]));
        const result = {
          articleId: String(id),
          events: deleted.get("Event") ?? 0,
          actors: deleted.get("Actor") ?? 0,
          locations: deleted.get("Location") ?? 0,
          claims: deleted.get("Claim") ?? 0,
          tiesRemoved: Number(ties.records[0]?.get("tiesRemoved") ?? 0),
          tiesKept: Number(ties.records[0]?.get("tiesKept") ?? 0),
        };
        await record(run, {
          who: ctx.who,
          action: "deleteArticle",
          target: String(id),
          before: JSON.stringify({ articleId: String(id) }),
          after: JSON.stringify(result),
          undoable: false,
        });
        return result;
      });
    },
  }),
);
