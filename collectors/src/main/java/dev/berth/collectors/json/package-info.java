/** The {@code berth ps --json} contract ({@link dev.berth.collectors.json.PsJson}), documented in the README. */
package dev.berth.collectors.json;
