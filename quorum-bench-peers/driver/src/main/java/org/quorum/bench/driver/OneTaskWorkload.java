package org.quorum.bench.driver;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The one-task model as an officer drives it on any engine: start an instance by key with a business key, find
 * its one task, complete it. Each engine gives its own calls for the four steps.
 *
 * @param start    (process key, business key) to the new instance's id
 * @param onlyTask instance id to the id of its one open task
 * @param complete completes a task by id, with no variables
 * @param count    process key to the number of its instances not ended
 */
public record OneTaskWorkload(String processKey, StartByKey start, Function<String, String> onlyTask,
                              Consumer<String> complete, ToLongFunction<String> count) implements Workload {

    @FunctionalInterface
    public interface StartByKey {

        String start(String processKey, String businessKey);
    }

    @Override
    public void drive(String businessKey) {
        complete.accept(onlyTask.apply(start.start(processKey, businessKey)));
    }

    @Override
    public long running() {
        return count.applyAsLong(processKey);
    }
}
