package kh.gov.spean.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.node.kafka.EmbeddedKafkaBroker;

/**
 * {@code spean kafka --data DIR --port P}: the embedded single-node KRaft broker on its own, for development and for
 * tests that stop the broker under load. Production uses a Kafka cluster ({@code --kafka-bootstrap}).
 */
@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = "Run the embedded single-node Kafka (KRaft) broker on its own, until stopped.")
public final class KafkaCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Where the broker keeps its log (e.g. DATA/kafka).")
    Path data;

    @Option(names = "--port", defaultValue = "9092", description = "The broker's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "spean-kafka-shutdown"));
        System.out.println("Kafka ready at " + broker.bootstrapServers());
        stopped.await();
        return 0;
    }
}
