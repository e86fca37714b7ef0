/** Container networking for {@code berth run --net}: the modes, addresses, and veth pairs (via iproute2). */
package dev.berth.runtime.net;
