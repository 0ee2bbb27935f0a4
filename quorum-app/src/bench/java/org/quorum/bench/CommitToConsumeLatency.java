package org.quorum.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.quorum.bench.driver.Percentiles;
import org.quorum.bench.driver.TwoDecimals;

/**
 * Open-loop load at a fixed rate of one-task instances, with a plain Kafka consumer (as a downstream system
 * runs one) reading the lifecycle topic. For each transaction the driver notes when its commit returned; the
 * latency is when the consumer received the transaction's last event minus that moment, on the same clock:
 * {@code task.created} closes the start transaction, {@code process.completed} the completion.
 */
final class CommitToConsumeLatency {

    private static final String STARTED_LAST = "quorum.task.created.v1";
    private static final String COMPLETED_LAST = "quorum.process.completed.v1";
    private static final Duration CONSUME_LIMIT = Duration.ofSeconds(60);
    private static final Duration CONSUMER_WARMUP = Duration.ofSeconds(2);
    private static final int WARMUP_INSTANCES = 50;

    private final ProcessEngine engine;
    private final String bootstrapServers;
    private final String topic;
    private final int officers;

    CommitToConsumeLatency(ProcessEngine engine, String bootstrapServers, String topic, int officers) {
        this.engine = engine;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.officers = officers;
    }

    Result measure(double instancesPerSecond, int seconds) throws Exception {
        int count = Math.max(1, (int) Math.round(instancesPerSecond * seconds));
        Map<String, Long> committed = new ConcurrentHashMap<>();
        Map<String, Long> consumed = new ConcurrentHashMap<>();
        // Wall clock (ms) at commit, at the relay's send (the record's CreateTime) and at receipt: where the time goes.
        Map<String, Long> committedWall = new ConcurrentHashMap<>();
        Map<String, long[]> consumedWall = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, CloudEvent> consumer = consumerAtEnd()) {
            ExecutorService threads = Executors.newFixedThreadPool(officers + 1);
            AtomicBoolean stop = new AtomicBoolean();
            try {
                Future<?> reading = threads.submit(() -> {
                    while (!stop.get()) {
                        var records = consumer.poll(Duration.ofMillis(100));
                        long now = System.nanoTime();
                        long wall = System.currentTimeMillis();
                        for (ConsumerRecord<String, CloudEvent> record : records) {
                            String type = record.value().getType();
                            if (STARTED_LAST.equals(type) || COMPLETED_LAST.equals(type)) {
                                consumed.putIfAbsent(record.key() + type, now);
                                consumedWall.putIfAbsent(record.key() + type, new long[] {record.timestamp(), wall});
                            }
                        }
                    }
                    return null;
                });
                // A downstream consumer runs all the time. Its first fetches after assignment (fetch session,
                // metadata) and the first records it deserialises (class loading, JIT) took 250-300 ms in trial
                // runs, all in the first half second of the window: not what this measures. So a few instances
                // go through the whole path, and are received, before the window opens.
                Thread.sleep(CONSUMER_WARMUP.toMillis());
                List<String> warmupKeys = new ArrayList<>();
                for (int i = 0; i < WARMUP_INSTANCES; i++) {
                    warmupKeys.add(Model.ONE_TASK.drive(engine, "latency-warmup-" + i) + COMPLETED_LAST);
                }
                long warmupDeadline = System.nanoTime() + CONSUME_LIMIT.toNanos();
                while (!consumed.keySet().containsAll(warmupKeys) && System.nanoTime() < warmupDeadline) {
                    Thread.sleep(20);
                }
                long began = System.nanoTime();
                long interval = (long) (1e9 / instancesPerSecond);
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> drivers = new ArrayList<>();
                for (int i = 0; i < officers; i++) {
                    drivers.add(threads.submit(() -> {
                        TaskService tasks = engine.getTaskService();
                        for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                            long due = began + n * interval;
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            String id = engine.getRuntimeService()
                                    .startProcessInstanceByKey(Model.ONE_TASK.processKey(), "latency-" + n).getId();
                            committed.put(id + STARTED_LAST, System.nanoTime());
                            committedWall.put(id + STARTED_LAST, System.currentTimeMillis());
                            tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
                            committed.put(id + COMPLETED_LAST, System.nanoTime());
                            committedWall.put(id + COMPLETED_LAST, System.currentTimeMillis());
                        }
                        return null;
                    }));
                }
                for (Future<?> driver : drivers) {
                    driver.get();
                }
                double offered = count / ((System.nanoTime() - began) / 1e9);
                long deadline = System.nanoTime() + CONSUME_LIMIT.toNanos();
                while (!consumed.keySet().containsAll(committed.keySet()) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                stop.set(true);
                reading.get();
                long[] latencies = committed.entrySet().stream().filter(e -> consumed.containsKey(e.getKey()))
                        .mapToLong(e -> consumed.get(e.getKey()) - e.getValue()).toArray();
                Set<String> missing = new HashSet<>(committed.keySet());
                missing.removeAll(consumed.keySet());
                long[] toSend = committedWall.entrySet().stream().filter(e -> consumedWall.containsKey(e.getKey()))
                        .mapToLong(e -> (consumedWall.get(e.getKey())[0] - e.getValue()) * 1_000_000).toArray();
                long[] toReceive = committedWall.keySet().stream().filter(consumedWall::containsKey)
                        .map(consumedWall::get).mapToLong(t -> (t[1] - t[0]) * 1_000_000).toArray();
                // The slowest samples with their three clock readings: whether slow ones come together (a pause of
                // something shared) or alone.
                List<String> slowest = committedWall.entrySet().stream()
                        .filter(e -> consumedWall.containsKey(e.getKey()))
                        .sorted(java.util.Comparator.comparingLong(
                                (Map.Entry<String, Long> e) -> e.getValue() - consumedWall.get(e.getKey())[1]))
                        .limit(10)
                        .map(e -> java.time.Instant.ofEpochMilli(e.getValue()) + " commit, send +"
                                + (consumedWall.get(e.getKey())[0] - e.getValue()) + " ms, receipt +"
                                + (consumedWall.get(e.getKey())[1] - e.getValue()) + " ms")
                        .toList();
                return new Result(instancesPerSecond, offered, count, Percentiles.ofNanos(latencies),
                        Percentiles.ofNanos(toSend), Percentiles.ofNanos(toReceive), slowest, missing.size());
            } finally {
                threads.shutdownNow();
                threads.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Assigned to every partition at its current end, so it sees only what this measurement produces. */
    private KafkaConsumer<String, CloudEvent> consumerAtEnd() {
        KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new CloudEventDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /**
     * @param targetPerSecond  the offered load asked for (half the measured maximum)
     * @param offeredPerSecond what the drivers achieved
     * @param instances        instances driven; two latency samples each
     * @param latency          commit-to-consume, milliseconds
     * @param commitToSend     of that, commit to the relay's send (the record's CreateTime), whole milliseconds
     * @param sendToReceive    of that, the relay's send to the consumer's receipt (Kafka), whole milliseconds
     * @param slowest          the ten slowest samples: commit time, then send and receipt relative to it
     * @param missing          transactions whose last event had not arrived within a minute
     */
    record Result(@JsonProperty("targetInstancesPerSecond") @JsonSerialize(using = TwoDecimals.class)
                  double targetPerSecond,
                  @JsonProperty("offeredInstancesPerSecond") @JsonSerialize(using = TwoDecimals.class)
                  double offeredPerSecond,
                  int instances, Percentiles latency, Percentiles commitToSend, Percentiles sendToReceive,
                  List<String> slowest, int missing) {
    }
}
