/**
 * What berth recorded: the history store and everything that reads it.
 *
 * <pre>
 * record.Recorder          one Collector tick per interval → store.StoreWriter (raw samples, never rates)
 *   ├─ event.EventJournal  control actions from any front end, appended when no recorder runs; ingested here
 *   └─ store.Retention     deletes whole shard files, oldest first, by age and by total size
 * store.StoreReader        frames and events of a period, while the recorder writes; corrupt records skipped
 * report.HistoryReport     rows per interval, MAX/MEAN/MIN/P95, top containers: rates derived with the
 *                          collectors' ContainerModel/HostModel, the code the live view uses
 * </pre>
 *
 * The format is documented on {@link dev.berth.history.store.StoreWriter}.
 */
package dev.berth.history;
