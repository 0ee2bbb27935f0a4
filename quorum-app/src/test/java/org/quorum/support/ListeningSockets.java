package org.quorum.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which local addresses a port is listening on, read from the kernel's socket tables rather than by trying to
 * connect, so that "127.0.0.1 only" is shown even on a machine whose other addresses a test could not reach.
 */
public final class ListeningSockets {

    private ListeningSockets() {
    }

    /** Local addresses of the sockets listening on {@code port}, from the kernel's table (IPv4 and IPv6). */
    public static List<String> addresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                boolean listening = fields[3].equals("0A");
                if (listening && local[1].equals(hexPort)) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    private static String address(String hex) {
        if (hex.length() == 8) {
            // IPv4 in the kernel's byte order (little-endian on the machines this runs on).
            return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                    + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            // An IPv4-mapped IPv6 address (::ffff:a.b.c.d), as Java binds an IPv4 address on a dual-stack socket.
            return address(hex.substring(24));
        }
        return hex.equals("00000000000000000000000000000000") ? "::" : "ipv6:" + hex;
    }
}
