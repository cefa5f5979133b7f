package kh.gov.spean.cli;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import kh.gov.spean.node.TestNetwork;

/**
 * The request/response fault tests' traffic: Economy and Finance's business registry asking Interior's ID registry
 * to verify citizens, from several callers at once until stopped, each call with a national ID of its own. It counts
 * what the callers got and, from the ID registry mock's journal, what reached the backend — once, twice or never.
 */
final class RequestResponseLoad implements AutoCloseable {

    static final String SERVICE = "KH/GOV/MOI/ID-REGISTRY/verifyCitizen";
    static final String CLIENT = "KH/GOV/MEF/BUSINESS-REGISTRY";
    /** The outcome of a call whose connection broke before an answer: the node it went to was killed. */
    static final String CONNECTION_LOST = "connection_lost";
    /** National IDs, one per call, never the same twice in this JVM, so that a shared backend's journal tells calls apart. */
    private static final AtomicInteger NEXT_CITIZEN = new AtomicInteger(900_000_000);

    /** One call: the national ID it asked about, and the HTTP status and error code it got (0 and a code if none). */
    record Call(String nationalId, int status, String code, String answeredNationalId) {

        boolean answered() {
            return status == 200;
        }
    }

    /** What the callers got and what reached the backend. */
    record Counts(int sent, int answered, Map<String, Integer> failedByCode, int delivered, int deliveredTwice,
                  int answeredButNotDelivered, int answeredWrongly, int deliveredWithoutAnAnswer) {

        void print(String what) {
            System.out.printf("request/response across %s: sent %d, answered %d, failed %s, delivered to the backend %d,"
                            + " delivered twice %d, answered but not delivered %d, answered for another citizen %d,"
                            + " delivered but the caller got no answer %d%n", what, sent, answered, failedByCode,
                    delivered, deliveredTwice, answeredButNotDelivered, answeredWrongly, deliveredWithoutAnAnswer);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Object retargeted = new Object();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final List<Thread> callers = new ArrayList<>();
    private volatile URI node;
    private volatile boolean running = true;

    private RequestResponseLoad(URI node) {
        this.node = node;
    }

    /** Starts {@code callers} callers, each sending its next call as soon as the last one ended. */
    static RequestResponseLoad start(URI node, int callers) {
        RequestResponseLoad load = new RequestResponseLoad(node);
        for (int i = 0; i < callers; i++) {
            Thread caller = new Thread(load::callUntilStopped, "caller-" + i);
            caller.setDaemon(true);
            load.callers.add(caller);
            caller.start();
        }
        return load;
    }

    /** The ID registry's mock, started from the connector's own mappings on a free port, with the TLS material under {@code data}. */
    static WireMockServer idRegistry(Path data) {
        WireMockServer registry = new WireMockServer(TestNetwork.https(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(SpeanHome.root().resolve("connectors/moi-id-registry/wiremock").toString())
                .globalTemplating(true), TestNetwork.backendTls(data)));
        registry.start();
        return registry;
    }

    int answered() {
        return answered.get();
    }

    int failed() {
        return failed.get();
    }

    /** Sends the next calls to {@code restarted}; callers whose node was killed wait for this. */
    void retarget(URI restarted) {
        synchronized (retargeted) {
            node = restarted;
            retargeted.notifyAll();
        }
    }

    /** Stops the callers, lets their last calls end, and counts their calls against {@code backend}'s journal. */
    Counts stop(WireMockServer backend) throws InterruptedException {
        close();
        Map<String, Integer> deliveries = new HashMap<>();
        for (ServeEvent event : backend.getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith("/id-registry/v1/citizens/verify")) {
                deliveries.merge(nationalIdOf(event.getRequest().getBodyAsString()), 1, Integer::sum);
            }
        }
        int answeredCalls = 0;
        int delivered = 0;
        int deliveredTwice = 0;
        int answeredButNotDelivered = 0;
        int answeredWrongly = 0;
        int deliveredWithoutAnAnswer = 0;
        Map<String, Integer> failedByCode = new TreeMap<>();
        for (Call call : calls) {
            int times = deliveries.getOrDefault(call.nationalId(), 0);
            delivered += times > 0 ? 1 : 0;
            deliveredTwice += times > 1 ? 1 : 0;
            if (call.answered()) {
                answeredCalls++;
                answeredButNotDelivered += times == 0 ? 1 : 0;
                answeredWrongly += call.nationalId().equals(call.answeredNationalId()) ? 0 : 1;
            } else {
                failedByCode.merge(call.code(), 1, Integer::sum);
                deliveredWithoutAnAnswer += times > 0 ? 1 : 0;
            }
        }
        return new Counts(calls.size(), answeredCalls, failedByCode, delivered, deliveredTwice,
                answeredButNotDelivered, answeredWrongly, deliveredWithoutAnAnswer);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        synchronized (retargeted) {
            retargeted.notifyAll();
        }
        for (Thread caller : callers) {
            caller.join(Duration.ofSeconds(60).toMillis());
        }
    }

    private void callUntilStopped() {
        while (running) {
            URI target = node;
            String nationalId = Integer.toString(NEXT_CITIZEN.getAndIncrement());
            Call call = call(target, nationalId);
            calls.add(call);
            (call.answered() ? answered : failed).incrementAndGet();
            if (CONNECTION_LOST.equals(call.code())) {
                awaitRetarget(target);
            }
        }
    }

    private Call call(URI target, String nationalId) {
        String body = Json.createObjectBuilder().add("nationalId", nationalId).add("fullNameEn", "Test Citizen")
                .add("dateOfBirth", "1990-01-01").add("purpose", "Fault test").build().toString();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target + "/r1/" + SERVICE))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("X-Road-Client", CLIENT).header("X-Spean-Purpose", TestNetwork.VERIFY_CITIZEN_PURPOSE)
                    .header("X-Road-UserId", TestNetwork.OFFICIAL).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return new Call(nationalId, 200, null, nationalIdOf(response.body()));
            }
            return new Call(nationalId, response.statusCode(),
                    response.headers().firstValue("X-Road-Error").orElse("uncoded_" + response.statusCode()), null);
        } catch (IOException e) {
            return new Call(nationalId, 0, CONNECTION_LOST, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return new Call(nationalId, 0, "interrupted", null);
        }
    }

    private void awaitRetarget(URI killed) {
        synchronized (retargeted) {
            while (running && node.equals(killed)) {
                try {
                    retargeted.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String nationalIdOf(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            return object.getString("nationalId", "");
        }
    }
}
