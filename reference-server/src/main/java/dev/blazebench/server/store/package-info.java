/**
 * The reference server's storage engine: {@link dev.blazebench.server.store.BlazeStore}.
 *
 * <h2>Why H2 MVStore</h2>
 *
 * <ul>
 *   <li><b>A real embedded engine, pure Java.</b> MVStore is the storage layer under the H2
 *       database: a copy-on-write B-tree in one file, crash-safe by construction (a chunk is only
 *       used once it is completely written), with no native library. RocksDB would need JNI
 *       binaries per platform, which the Docker image and every contributor's JDK would have to
 *       carry; an SQL database would put a query language between BlazeDB's semantics and the data.
 *   <li><b>Transactions.</b> Its {@code TransactionStore} gives atomic multi-key commits with
 *       rollback on reopen: {@code insertMany} is all or nothing, and the sync operation log can be
 *       appended in the same transaction as each write.
 *   <li><b>Control over when data reaches the file.</b> With auto-commit off it writes exactly when
 *       told, in the calling thread, which is what an acknowledged-write guarantee needs ({@link
 *       dev.blazebench.server.store.GroupCommitWriter} gives the argument).
 * </ul>
 *
 * <h2>Layout</h2>
 *
 * One file, {@code blazebench.mv.db}, in the data directory. Each collection is a map from the 16
 * bytes of a record's id to its BlazeBinary v1 bytes, plus one ordered index map per indexed field
 * (by default {@code createdAt}, the seed's "newest first" sort), all with H2's built-in byte-array
 * type, so the file names no class of ours ({@link dev.blazebench.server.store.CollectionMaps}).
 *
 * <p>The change log sits beside them: per collection, {@code changes:<collection>} maps a sequence
 * (H2's {@code LongDataType}) to an entry of version byte, commit time in microseconds and the
 * {@code BlazeOperation}'s bytes, and {@code changes.meta} keeps the node id, the Lamport counter
 * and each collection's last sequence ({@link dev.blazebench.server.store.OperationLog}). Entries
 * are written in the transaction of the change they record.
 *
 * <h2>Costs to know</h2>
 *
 * <ul>
 *   <li>Each commit writes a new chunk holding every B-tree page it changed (pages split at 16
 *       KiB), so a single-record write costs one page rewrite and a chunk; concurrent writers share
 *       commits. Ids are random, so a bulk load rewrites about one page per record.
 *   <li>The change log stores each inserted record a second time (inside its operation) and a short
 *       operation per update and delete, until retention trims it: by default up to 100,000
 *       operations or 24 hours per collection.
 *   <li>Space of obsolete chunks is reused after 5 seconds (the file is forced to the device at
 *       least every second); the file does not shrink on its own.
 *   <li>Queries scan the collection and decode every record, except a sorted query with a limit
 *       whose first sort key is indexed: it walks the index and reads about offset + limit matching
 *       records. Measured on 100,000 workload bugs (a loaded 2-core machine): "status = open,
 *       newest first, limit 100" took about 140 ms by scanning and 2 ms through the index; the
 *       index makes bulk inserts roughly half again as slow.
 * </ul>
 */
package dev.blazebench.server.store;
