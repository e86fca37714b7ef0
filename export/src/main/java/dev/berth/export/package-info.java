/**
 * The Prometheus endpoint: {@link dev.berth.export.Exporter} serves the latest {@link dev.berth.export.ExportSample}
 * with cAdvisor's metric names, types and labels plus berth's own {@code berth_*}; {@link dev.berth.export.ServeLoop}
 * samples on berth's interval for {@code berth serve}. Depends on {@code collectors} (the samples) and the
 * Prometheus Java client 1.x (the metric model and its HTTP server), never on a front end.
 */
package dev.berth.export;
