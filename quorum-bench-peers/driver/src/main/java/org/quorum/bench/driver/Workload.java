package org.quorum.bench.driver;

/** One engine's way of running one process model: what an officer does for one instance, and what is left. */
public interface Workload {

    String processKey();

    /** Starts an instance and works its tasks; the instance may still have asynchronous steps left. */
    void drive(String businessKey) throws Exception;

    /** Instances of the model that have not ended yet (asynchronous steps included). */
    long running();
}
