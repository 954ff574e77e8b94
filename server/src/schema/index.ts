import { builder } from "../builder.ts";
import "./scalars.ts";
import "./errors.ts";
import "./node.ts";
import "./event.ts";
import "./event-update.ts";
import "./actor.ts";
import "./location.ts";
import "./claim.ts";
import "./article.ts";
import "./timeline.ts";
import "./search.ts";
import "./graph.ts";
import "./stats.ts";
import "./ingest.ts";
import "./merge.ts";
import "./export.ts";

export const schema = builder.toSchema({ sortSchema: true });
