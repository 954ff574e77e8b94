import { builder } from "../builder.ts";
import "./event.ts";
import "./ingest.ts";

export const schema = builder.toSchema({ sortSchema: true });
