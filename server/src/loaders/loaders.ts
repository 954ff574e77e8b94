import DataLoader from "dataloader";
import type { QueryResult, RecordShape } from "neo4j-driver";
import { LABELS, type Label, labelOfId } from "../cypher/projections.ts";
import {
  articleTexts,
  evidenceQuotes,
  nodeEvidence,
  nodesById,
  type RelationName,
  relatedCount,
  relatedOf,
} from "../cypher/relations.ts";
import type { Statement } from "../db/database.ts";
import type { EvidenceRow, NodeRow, RelatedRow } from "../graphql/rows.ts";

type Read = <T extends RecordShape = RecordShape>(s: Statement) => Promise<QueryResult<T>>;

/**
 * Per-request batch loaders. Every nested field goes through one of these, so
 * however many parents a level has, it costs one statement per field (and per
 * distinct argument set). Loaders live for one request: no cross-user caching.
 */
export class Loaders {
  private loaders = new Map<string, DataLoader<string, unknown>>();
  constructor(private read: Read) {}

  private loader<V>(key: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let l = this.loaders.get(key);
    if (!l) {
      l = new DataLoader<string, unknown>(batch, { maxBatchSize: 5000 });
      this.loaders.set(key, l);
    }
    return l as DataLoader<string, V>;
  }

  /** Any node by id; null when it does not exist. One statement per label present in the batch. */
  node(id: string): Promise<NodeRow | null> {
    return this.loader<NodeRow | null>("node", async (ids) => {
      const found = new Map<string, NodeRow>();
      const byLabel = new Map<Label, string[]>();
      for (const id of ids) {
        const label = labelOfId(id);
        if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
      }
      await Promise.all(
        LABELS.filter((l) => byLabel.has(l)).map(async (label) => {
          const r = await this.read(nodesById(label, byLabel.get(label) ?? []));
          for (const rec of r.records) found.set(rec.get("node").id, rec.get("node"));
        }),
      );
      return ids.map((id) => found.get(id) ?? null);
    }).load(id);
  }

  /** A node that must have `label` (a claim link's claims, an evidence span's article); null otherwise. */
  async nodeOf<L extends NodeRow["label"]>(label: L, id: string): Promise<Extract<NodeRow, { label: L }> | null> {
    const n = await this.node(id);
    return n?.label === label ? (n as Extract<NodeRow, { label: L }>) : null;
  }

  /** `R` narrows the rows where the relation guarantees more (participations always carry a role). */
  related<N = NodeRow, R extends RelatedRow<N> = RelatedRow<N>>(
    name: RelationName,
    id: string,
    limit: number,
    role?: string | null,
  ): Promise<R[]> {
    return this.loader<R[]>(`rel:${name}:${limit}:${role ?? ""}`, async (ids) => {
      const r = await this.read(relatedOf(name, ids, limit, role));
      const byId = new Map(r.records.map((rec) => [rec.get("id"), rec.get("items")]));
      return ids.map((id) => byId.get(id) ?? []);
    }).load(id);
  }

  count(name: RelationName, id: string, role?: string | null): Promise<number> {
    return this.loader<number>(`count:${name}:${role ?? ""}`, async (ids) => {
      const r = await this.read(relatedCount(name, ids, role));
      const byId = new Map(r.records.map((rec) => [rec.get("id"), Number(rec.get("count"))]));
      return ids.map((id) => byId.get(id) ?? 0);
    }).load(id);
  }

  nodeEvidence(label: Exclude<Label, "Article">, id: string, limit: number): Promise<EvidenceRow[]> {
    return this.loader<EvidenceRow[]>(`evidence:${label}:${limit}`, async (ids) => {
      const r = await this.read(nodeEvidence(label, ids, limit));
      const byId = new Map(r.records.map((rec) => [rec.get("id"), rec.get("spans")]));
      return ids.map((id) => byId.get(id) ?? []);
    }).load(id);
  }

  /** Resolves "articleId@start-end" strings to quoted spans; malformed or dangling ones resolve to null. */
  evidence(ref: string): Promise<EvidenceRow | null> {
    return this.loader<EvidenceRow | null>("quote", async (keys) => {
      const refs = keys.flatMap((key) => {
        const m = key.match(/^(.+)@(\d+)-(\d+)$/);
        return m ? [{ key, articleId: m[1], start: Number(m[2]), end: Number(m[3]) }] : [];
      });
      const r = await this.read(evidenceQuotes(refs));
      const quotes = new Map(r.records.map((rec) => [rec.get("key"), rec]));
      const refByKey = new Map(refs.map((x) => [x.key, x]));
      return keys.map((key) => {
        const ref = refByKey.get(key);
        const rec = quotes.get(key);
        if (!ref || !rec) return null;
        return { ...ref, articleTitle: rec.get("articleTitle"), quote: rec.get("quote") };
      });
    }).load(ref);
  }

  articleText(id: string): Promise<string | null> {
    return this.loader<string | null>("text", async (ids) => {
      const r = await this.read(articleTexts(ids));
      const byId = new Map(r.records.map((rec) => [rec.get("id"), rec.get("text")]));
      return ids.map((id) => byId.get(id) ?? null);
    }).load(id);
  }
}
