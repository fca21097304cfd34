// SPDX-License-Identifier: GPL-3.0-or-later
// Independent Parquet reader for tst_parquetwriter: reads a file with hyparquet
// (pure JavaScript, no native code) and prints one JSON object
//   {"numRows": <footer row count>, "rowGroups": n, "keyValue": {...},
//    "columns": [{"path": [...], "encodings": [...], "codec": "..."}], "rows": [first N rows]}
// Usage: node read-parquet.mjs FILE [N=5]
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'

const [file, countArg] = process.argv.slice(2)
if (!file) {
  console.error('usage: node read-parquet.mjs FILE [N]')
  process.exit(2)
}
const count = countArg === undefined ? 5 : Number(countArg)
try {
  const buffer = await asyncBufferFromFile(file)
  const metadata = await parquetMetadataAsync(buffer)
  const numRows = Number(metadata.num_rows)
  const rows = await parquetReadObjects({ file: buffer, metadata, rowStart: 0, rowEnd: Math.min(count, numRows) })
  // Reading the whole file too proves every page decodes; only the count is printed.
  const all = await parquetReadObjects({ file: buffer, metadata })
  const keyValue = {}
  for (const kv of metadata.key_value_metadata ?? []) keyValue[kv.key] = kv.value
  const columns = metadata.row_groups[0]?.columns.map(c => ({
    path: c.meta_data.path_in_schema, encodings: c.meta_data.encodings, codec: c.meta_data.codec,
  })) ?? []
  process.stdout.write(JSON.stringify({
    numRows, decodedRows: all.length, rowGroups: metadata.row_groups.length, keyValue, columns, rows,
  }, (k, v) => typeof v === 'bigint' ? Number(v) : v) + '\n')
} catch (e) {
  console.error(`read-parquet: ${file}: ${e && e.message ? e.message : e}`)
  process.exit(1)
}
