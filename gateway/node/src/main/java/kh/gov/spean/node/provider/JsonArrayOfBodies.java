package kh.gov.spean.node.provider;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * For connector routes: gathers the JSON bodies of a split's parts into one JSON array, e.g. the answers to one
 * verifyCitizen call per owner, so the route can pick from them with JsonPath. In a Camel YAML route:
 * {@code aggregationStrategy: "#class:kh.gov.spean.node.provider.JsonArrayOfBodies"}.
 */
public final class JsonArrayOfBodies implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange gathered, Exchange part) {
        String item = part.getMessage().getBody(String.class);
        if (gathered == null) {
            part.getMessage().setBody("[" + item + "]");
            return part;
        }
        String array = gathered.getMessage().getBody(String.class);
        gathered.getMessage().setBody(array.substring(0, array.length() - 1) + "," + item + "]");
        return gathered;
    }
}
