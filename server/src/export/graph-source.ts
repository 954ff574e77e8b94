import neo4j, { type Record as Neo4jRecord, type Session, type Transaction } from "neo4j-driver";
import * as q from "../cypher/export.ts";
import type { Database, Statement } from "../db/database.ts";
import { type ExportEdge, type ExportNode, edgeFromRecord, nodeFromRecord } from "./elements.ts";
import type { Selection } from "./selection.ts";

/** A node or relationship with every property and each property's Cypher type (from valueType()). */
export interface RawElement {
  labels: string[];
  props: Record<string, unknown>;
  types: [string, string][];
}
export interface RawEdge {
  type: string;
  sourceLabels: string[];
  source: string;
  targetLabels: string[];
  target: string;
  props: Record<string, unknown>;
  types: [string, string][];
}

/**
 * Streams one selection out of Neo4j. All its queries share one read
 * transaction, so nodes and edges come from the same snapshot and a cluster
 * routes them to a reader. Records are pulled as the writer asks for them
 * (the driver's async iterator applies back-pressure), so memory stays flat
 * however large the subgraph. Always close() it.
 */
export class GraphSource {
  /** Elements handed to the writer so far (tests and progress bars watch it). */
  read = 0;
  private session?: Session;
  private tx?: Transaction;

  constructor(
    private readonly db: Database,
    readonly selection: Selection,
    private readonly onElement?: (read: number) => void,
  ) {}

  private async *records(s: Statement): AsyncGenerator<Neo4jRecord> {
    if (!this.tx) {
      this.session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.READ });
      this.tx = this.session.beginTransaction({ metadata: { app: "rasd", operation: "export" } });
    }
    for await (const record of this.tx.run(s.cypher, s.params ?? {})) yield record;
  }

  private tick() {
    this.read++;
    this.onElement?.(this.read);
  }

  async *nodes(): AsyncGenerator<ExportNode> {
    for await (const r of this.records(q.exportNodes(this.selection))) {
      this.tick();
      yield nodeFromRecord(r);
    }
  }

  async *edges(): AsyncGenerator<ExportEdge> {
    for await (const r of this.records(q.exportEdges(this.selection))) {
      this.tick();
      yield edgeFromRecord(r);
    }
  }

  /** Event × located place rows for GeoJSON. */
  async *features(): AsyncGenerator<Neo4jRecord> {
    for await (const r of this.records(q.exportFeatures(this.selection))) {
      this.tick();
      yield r;
    }
  }

  async *rawNodes(): AsyncGenerator<RawElement> {
    for await (const r of this.records(q.rawNodes(this.selection))) {
      this.tick();
      yield { labels: r.get("labels"), props: r.get("props"), types: r.get("types") };
    }
  }

  async *rawEdges(): AsyncGenerator<RawEdge> {
    for await (const r of this.records(q.rawEdges(this.selection))) {
      this.tick();
      yield {
        type: r.get("type"),
        sourceLabels: r.get("sourceLabels"),
        source: r.get("source"),
        targetLabels: r.get("targetLabels"),
        target: r.get("target"),
        props: r.get("props"),
        types: r.get("types"),
      };
    }
  }

  /** Node and edge counts, read before streaming so a progress bar knows its end. */
  async count(): Promise<{ nodes: number; edges: number }> {
    const r = await this.db.read(q.countElements(this.selection));
    return { nodes: r.records[0].get("nodes"), edges: r.records[0].get("edges") };
  }

  async close(): Promise<void> {
    try {
      if (this.tx?.isOpen()) await this.tx.rollback();
    } finally {
      await this.session?.close();
    }
  }
}
