import * as q from "../cypher/edits.ts";
import type { Database, Run } from "../db/database.ts";
import { ROLES } from "../model/vocabulary.ts";
import { audited } from "./audit.ts";
import { EditError, MissingNode } from "./errors.ts";

/**
 * An analyst's corrections of who took part in an event and where it
 * happened. Each checks its ids first, then writes in one transaction with
 * an audit entry (the event's ties before and after, so it can be undone).
 */

export function checkId(path: string, id: string, prefix: string) {
  if (!id.startsWith(`${prefix}:`))
    throw new EditError(path, `"${id}" is not ${prefix === "actor" ? "an" : "a"} ${prefix} id`);
}

/** The role, when it is one of the vocabulary's (null is refused: setRole and addParticipant need one). */
function checkRole(role: string | null): string {
  if (role === null || !(ROLES as readonly string[]).includes(role))
    throw new EditError("role", `"${role}" is not a role (one of ${ROLES.join(", ")})`);
  return role;
}

/** The role is null only for removeParticipant ("every role"); setRole and addParticipant refuse null. */
interface ParticipantArgs {
  event: string;
  actor: string;
  role: string | null;
}

async function participationOf(run: Run, event: string, actor: string) {
  const r = (await run(q.participation(event, actor))).records[0];
  if (!r.get("event")) throw new MissingNode(event);
  if (!r.get("actor")) throw new MissingNode(actor);
  return r.get("roles") as string[];
}

const eventTies = (event: string) => [{ id: event, ties: true }];

/** The actor's role in the event becomes `role` (its evidence kept; the replaced roles are retracted). */
export async function setRole(db: Database, who: string, a: ParticipantArgs) {
  checkId("event", a.event, "event");
  checkId("actor", a.actor, "actor");
  const role = checkRole(a.role);
  return audited(db, { who, action: "setRole", target: a.event, touches: eventTies(a.event) }, async (run) => {
    const roles = await participationOf(run, a.event, a.actor);
    if (roles.length === 0)
      throw new EditError("actor", `${a.actor} does not take part in ${a.event} (use addParticipant)`);
    if (roles.length === 1 && roles[0] === role)
      throw new EditError("role", `${a.actor} already has the role ${role} in ${a.event}`);
    await run(q.setRole(a.event, a.actor, role, who));
    return { result: { ...a, roles: [role] } };
  });
}

export async function addParticipant(db: Database, who: string, a: ParticipantArgs) {
  checkId("event", a.event, "event");
  checkId("actor", a.actor, "actor");
  const role = checkRole(a.role);
  return audited(db, { who, action: "addParticipant", target: a.event, touches: eventTies(a.event) }, async (run) => {
    const roles = await participationOf(run, a.event, a.actor);
    if (roles.includes(role)) throw new EditError("role", `${a.actor} already has the role ${role} in ${a.event}`);
    await run(q.addParticipant(a.event, a.actor, role, who));
    return { result: { ...a, roles: [...roles, role] } };
  });
}

export async function removeParticipant(db: Database, who: string, a: ParticipantArgs) {
  checkId("event", a.event, "event");
  checkId("actor", a.actor, "actor");
  if (a.role) checkRole(a.role);
  return audited(
    db,
    { who, action: "removeParticipant", target: a.event, touches: eventTies(a.event) },
    async (run) => {
      const roles = await participationOf(run, a.event, a.actor);
      if (roles.length === 0 || (a.role && !roles.includes(a.role)))
        throw new EditError(a.role ? "role" : "actor", `${a.actor} has no ${a.role ?? "part"} in ${a.event}`);
      await run(q.removeParticipant(a.event, a.actor, a.role));
      return { result: { ...a, roles: a.role ? roles.filter((r) => r !== a.role) : [] } };
    },
  );
}

export async function setEventPlace(db: Database, who: string, a: { event: string; location: string; add: boolean }) {
  checkId("event", a.event, "event");
  checkId("location", a.location, "location");
  const action = a.add ? "addEventPlace" : "removeEventPlace";
  return audited(db, { who, action, target: a.event, touches: eventTies(a.event) }, async (run) => {
    const r = (await run(q.placeOf(a.event, a.location))).records[0];
    if (!r.get("event")) throw new MissingNode(a.event);
    if (!r.get("location")) throw new MissingNode(a.location);
    if (a.add && r.get("linked")) throw new EditError("location", `${a.event} already took place in ${a.location}`);
    if (!a.add && !r.get("linked")) throw new EditError("location", `${a.event} is not placed in ${a.location}`);
    await run(a.add ? q.addEventPlace(a.event, a.location, who) : q.removeEventPlace(a.event, a.location));
    return { result: { event: a.event, location: a.location } };
  });
}
