package kh.gov.spean.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import kh.gov.spean.node.kafka.EmbeddedKafkaBroker;
import kh.gov.spean.node.kafka.SecretFiles;

/**
 * {@code spean kafka --data DIR --port P}: the embedded single-node KRaft broker on its own, for development and for
 * tests that stop the broker under load. Production uses a Kafka cluster ({@code --kafka-bootstrap}).
 * {@code spean kafka acls} prints, or applies, the federation's ACLs and quotas.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true, subcommands = KafkaAclsCommand.class,
        description = "Run the embedded single-node Kafka (KRaft) broker on its own, until stopped.")
public final class KafkaCommand implements Callable<Integer> {

    static final String ADMIN_PROPERTIES = "admin.properties";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Not required to picocli, which would ask for it before 'spean kafka acls' too: checked in call().
    @Option(names = "--data", description = "Where the broker keeps its log (e.g. DATA/kafka). Required.")
    Path data;

    @Option(names = "--port", defaultValue = "9092", description = "The broker's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--authentication", description = "Authenticate every client (SASL/SCRAM-SHA-512) and authorize"
            + " with ACLs; the administrator's client settings are written to DATA/" + ADMIN_PROPERTIES + ".")
    boolean authentication;

    @Override
    public Integer call() throws InterruptedException {
        if (data == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--data=<data>'");
        }
        EmbeddedKafkaBroker broker = authentication ? EmbeddedKafkaBroker.startWithAuthentication(data, port)
                : EmbeddedKafkaBroker.start(data, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "spean-kafka-shutdown"));
        if (authentication) {
            Path adminProperties = data.resolve(ADMIN_PROPERTIES);
            writeAdminProperties(broker, adminProperties);
            System.out.println("Kafka ready at " + broker.bootstrapServers() + " (authenticating; the administrator's"
                    + " client settings: " + adminProperties + ")");
        } else {
            System.out.println("Kafka ready at " + broker.bootstrapServers() + " WITHOUT AUTHENTICATION: any client on"
                    + " this machine may read, write and delete every topic (--authentication to refuse them)");
        }
        stopped.await();
        return 0;
    }

    private static void writeAdminProperties(EmbeddedKafkaBroker broker, Path file) {
        Properties properties = new Properties();
        properties.putAll(broker.adminClientProperties());
        StringBuilder text = new StringBuilder("# The embedded broker's administrator (a super user): keep it to the operator\n");
        properties.stringPropertyNames().stream().sorted().forEach(name ->
                text.append(name).append('=').append(properties.getProperty(name).replace("\\", "\\\\")).append('\n'));
        try {
            SecretFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
