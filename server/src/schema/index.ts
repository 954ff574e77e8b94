import { builder } from "../builder.ts";
import "./event.ts";

export const schema = builder.toSchema({ sortSchema: true });
