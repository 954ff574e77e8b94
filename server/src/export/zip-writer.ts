import { Zip, ZipDeflate } from "fflate";

/** A file inside the archive and the text that fills it, produced as the zip streams. */
export interface ZipEntry {
  name: string;
  content: () => AsyncIterable<string>;
}

const encoder = new TextEncoder();

/**
 * Streams a zip archive entry after entry: each entry's text is deflated as
 * it arrives and the compressed bytes are handed on at once, so neither the
 * text nor the archive is ever held whole.
 */
export async function* writeZip(entries: ZipEntry[]): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  function* drain() {
    if (failure) throw failure;
    while (ready.length) yield ready.shift() as Uint8Array;
  }
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    zip.add(file);
    for await (const text of entry.content()) {
      file.push(encoder.encode(text));
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
