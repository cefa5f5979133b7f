package kh.gov.spean.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** Any RFC 3161 timestamp authority reached over HTTP (RFC 3161 §3.4: {@code application/timestamp-query}). */
public final class HttpTimestampAuthority implements TimestampAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public HttpTimestampAuthority(URI url) {
        this.url = url;
    }

    @Override
    public byte[] timestamp(byte[] data) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, Digests.sha256(data),
                    new BigInteger(64, RANDOM));
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "the TSA at " + url + " answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            return response.getEncoded();
        } catch (SpeanException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "interrupted while asking the TSA", e);
        } catch (IOException | org.bouncycastle.tsp.TSPException e) {
            throw new SpeanException(ErrorCode.TRANSPORT_UNAVAILABLE, "the TSA at " + url + " failed: " + e.getMessage(), e);
        }
    }
}
