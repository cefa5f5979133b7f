package kh.gov.spean.node.kafka;

/**
 * What one member's nodes may take of each broker, together, so that one member's flood slows that member only
 * (decision 0032). A broker that sees more delays its answers to the member (throttling); it refuses nothing.
 *
 * @param producerByteRate  bytes per second the member may produce to each broker ({@code producer_byte_rate})
 * @param requestPercentage share of one broker thread's time the member's requests may take, in percent
 *                          ({@code request_percentage}; a broker has 100 per network and I/O thread)
 */
public record MemberQuota(long producerByteRate, double requestPercentage) {

    /** Room for a 10 MiB payload's envelope each second, well above what a ministry's traffic needs. */
    public static final long DEFAULT_PRODUCER_BYTE_RATE = 32L * 1024 * 1024;
    /** One thread's worth: the embedded broker has three, a production broker more. */
    public static final double DEFAULT_REQUEST_PERCENTAGE = 100;

    public MemberQuota {
        if (producerByteRate <= 0 || requestPercentage <= 0) {
            throw new IllegalArgumentException("a member's quota must be positive, was " + producerByteRate
                    + " bytes/s and " + requestPercentage + " %");
        }
    }

    public static MemberQuota defaults() {
        return new MemberQuota(DEFAULT_PRODUCER_BYTE_RATE, DEFAULT_REQUEST_PERCENTAGE);
    }

    public static final String PRODUCER_BYTE_RATE = "producer_byte_rate";
    public static final String REQUEST_PERCENTAGE = "request_percentage";

    /** The quota as {@code kafka-configs.sh --add-config} takes it. */
    public String describe() {
        return PRODUCER_BYTE_RATE + "=" + producerByteRate + "," + REQUEST_PERCENTAGE + "=" + requestPercentage;
    }
}
