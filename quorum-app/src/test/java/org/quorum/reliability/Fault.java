package org.quorum.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

/**
 * The faults of issue 13, each injected once on a running cluster while the officers work. {@link #inject}
 * returns when the fault is over (the killed process restarted, the paused one resumed, the database up
 * again) with what the reader of the report should know.
 */
enum Fault {

    KILL_RELAYING_NODE("SIGKILL of the node that relays, restarted", true) {
        @Override
        String inject(Cluster cluster, Officers officers) throws Exception {
            QuorumNode relaying = relaying(cluster);
            relaying.kill();
            relaying.start();
            return relaying.name() + " killed; ready " + seconds(relaying.awaitReady(Duration.ofSeconds(180)))
                    + " s after its restart";
        }
    },
    KILL_OTHER_NODE("SIGKILL of the node that does not relay, restarted", false) {
        @Override
        String inject(Cluster cluster, Officers officers) throws Exception {
            QuorumNode other = cluster.otherThan(relaying(cluster));
            other.kill();
            other.start();
            return other.name() + " killed; ready " + seconds(other.awaitReady(Duration.ofSeconds(180)))
                    + " s after its restart";
        }
    },
    PAUSE_RELAYING_NODE("SIGSTOP of the relaying node for 60 s, then SIGCONT", true) {
        @Override
        String inject(Cluster cluster, Officers officers) throws Exception {
            QuorumNode relaying = relaying(cluster);
            relaying.signal("STOP");
            try {
                Waits.sleep(Duration.ofSeconds(60));
            } finally {
                relaying.signal("CONT");
            }
            QuorumNode now = cluster.relayingNode();
            return relaying.name() + " paused 60 s; relaying after: " + (now == null ? "none" : now.name());
        }
    },
    KILL_LOCK_SESSION("pg_terminate_backend of the relay's lock session", true) {
        @Override
        String inject(Cluster cluster, Officers officers) throws Exception {
            QuorumNode before = relaying(cluster);
            long backend = cluster.terminateLockSession();
            Duration handedOver = Waits.until("a relay holds the leader lock again", Duration.ofSeconds(60),
                    () -> {
                        try {
                            return cluster.relayingNode() != null;
                        } catch (Exception e) {
                            return false;
                        }
                    });
            QuorumNode after = cluster.relayingNode();
            return "backend " + backend + " of " + before.name() + " terminated; lock held again after "
                    + seconds(handedOver) + " s by " + (after == null ? "(released again at once)" : after.name());
        }
    },
    RESTART_POSTGRES("PostgreSQL restart (fast shutdown)", true) {
        @Override
        String inject(Cluster cluster, Officers officers) {
            cluster.postgres.stopFast();
            cluster.postgres.start();
            return "fast shutdown, started again";
        }
    },
    CRASH_POSTGRES("PostgreSQL crash (immediate shutdown)", true) {
        @Override
        String inject(Cluster cluster, Officers officers) {
            cluster.postgres.crash();
            cluster.postgres.start();
            return "immediate shutdown, started again (WAL recovery)";
        }
    },
    KILL_BUSIEST_PARTITION_LEADER("SIGKILL of the broker leading the busiest partition", false) {
        @Override
        String inject(Cluster cluster, Officers officers) throws Exception {
            int broker = cluster.kafka.leaderOfBusiestPartition(Cluster.PROCESS_TOPIC);
            cluster.kafka.kill(broker);
            // Two brokers left: min.insync.replicas=2 still holds, so the relay keeps sending; then it comes back.
            Waits.sleep(Duration.ofSeconds(15));
            cluster.kafka.start(broker);
            Duration inSync = cluster.kafka.awaitAllUp(Duration.ofSeconds(120), Cluster.PROCESS_TOPIC,
                    Cluster.DECISION_TOPIC);
            return "broker " + (broker + 1) + " killed, restarted after 15 s, in sync " + seconds(inSync)
                    + " s later";
        }
    },
    ALL_BROKERS_DOWN("all three brokers down for 60 s", false) {
        @Override
        String inject(Cluster cluster, Officers officers) {
            for (int i = 0; i < KafkaCluster.SIZE; i++) {
                cluster.kafka.kill(i);
            }
            Waits.sleep(Duration.ofSeconds(60));
            for (int i = 0; i < KafkaCluster.SIZE; i++) {
                cluster.kafka.start(i);
            }
            Duration up = cluster.kafka.awaitAllUp(Duration.ofSeconds(120), Cluster.PROCESS_TOPIC,
                    Cluster.DECISION_TOPIC);
            return "SIGKILL of all brokers; up and in sync " + seconds(up) + " s after their restart";
        }
    },
    SAME_TASK_ON_BOTH_NODES("both nodes completing the same task at once", false) {
        @Override
        String inject(Cluster cluster, Officers officers) throws Exception {
            QuorumNode a = cluster.nodes.get(0);
            QuorumNode b = cluster.nodes.get(1);
            int races = 0;
            int bothAcknowledged = 0;
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                String instance = officers.startRequest(i % 2 == 0 ? a : b);
                String task = instance == null ? null : officers.openTask(a, "officer", instance,
                        "Task_CheckCompleteness");
                if (task == null || task.isEmpty()) {
                    continue;
                }
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(() -> race(together, officers, a, task));
                CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> race(together, officers, b, task));
                int statusA = onA.get();
                int statusB = onB.get();
                races++;
                statuses.add(statusA + "/" + statusB);
                if (statusA == 204 && statusB == 204) {
                    bothAcknowledged++;
                }
            }
            return races + " races (answers node-a/node-b: " + String.join(" ", statuses) + "); both acknowledged: "
                    + bothAcknowledged;
        }

        private int race(CyclicBarrier together, Officers officers, QuorumNode node, String task) {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return officers.complete(node, "officer", task, java.util.Map.of("checkResult", "COMPLETE"));
        }
    };

    final String description;
    /**
     * Whether the fault may end a relay between its send and its mark (kills or stops the relaying node, or
     * takes its database session): the unmarked batch goes out again, with the same ids.
     */
    final boolean mayRepeatABatch;

    Fault(String description, boolean mayRepeatABatch) {
        this.description = description;
        this.mayRepeatABatch = mayRepeatABatch;
    }

    abstract String inject(Cluster cluster, Officers officers) throws Exception;

    private static QuorumNode relaying(Cluster cluster) throws Exception {
        Waits.until("a node relays", Duration.ofSeconds(60), () -> {
            try {
                return cluster.relayingNode() != null;
            } catch (Exception e) {
                return false;
            }
        });
        return cluster.relayingNode();
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
