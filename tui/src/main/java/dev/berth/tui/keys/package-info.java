/** Named actions, the default key table and handler results (STYLE §B7 rule 39). */
package dev.berth.tui.keys;
