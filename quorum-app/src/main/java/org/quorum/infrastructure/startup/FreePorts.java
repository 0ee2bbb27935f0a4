package org.quorum.infrastructure.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks that an embedded service's port is free before the service tries it, so a clash names the setting. */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns {@code port} when it is free, a free port when it is 0, and fails naming {@code property} otherwise. */
    public static int claim(int port, String service, String property) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupProblem(service + " cannot listen on 127.0.0.1:" + port + ": the port is in use.",
                    "Stop what uses port " + port + ", or set " + property + " to another port (0 picks a free one).");
        }
    }
}
