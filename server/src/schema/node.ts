import { builder } from "../builder.ts";
import { NodeRef } from "./refs.ts";

builder.queryField("node", (t) =>
  t.field({
    type: NodeRef,
    nullable: true,
    description: "Any event, actor, location, claim or article by id",
    authScopes: { reader: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => ctx.loaders.node(String(id)),
  }),
);

builder.queryField("nodes", (t) =>
  t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description: "Several nodes by id, in the order asked (null where nothing has that id); at most 500",
    authScopes: { reader: true },
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_r, { ids }, ctx) => Promise.all(ids.slice(0, 500).map((id) => ctx.loaders.node(String(id)))),
  }),
);
