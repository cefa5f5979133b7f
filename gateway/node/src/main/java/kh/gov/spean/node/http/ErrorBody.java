package kh.gov.spean.node.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.json.Json;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.json.SpeanJson;

/**
 * The body of an error Spean itself raises, in the form the caller's {@code Accept} asks for (PR-REST §4.6; decision
 * 0048): X-Road's {@code {"type": CODE, "message": ..., "detail": TRACE-ID}} as JSON by default, the same as
 * {@code <error><type/><message/><detail/></error>} for XML, or RFC 9457 problem+json when that is asked for.
 *
 * @param contentType what the body is, with its charset
 */
public record ErrorBody(String contentType, byte[] bytes) {

    private static final String JSON_UTF8 = "application/json;charset=utf-8";

    /** {@code message} says what went wrong; {@code traceId} is the X-Road-Id when the call got that far. */
    public static ErrorBody of(String accept, ErrorCode code, String message, String instance, String traceId) {
        String text = message == null ? code.title() : message;
        return switch (negotiate(accept)) {
            case "problem" -> new ErrorBody(XRoadHeaders.PROBLEM_JSON,
                    SpeanJson.toBytes(ProblemDetails.of(code, text, instance, traceId)));
            case "xml" -> new ErrorBody(xmlType(accept) + ";charset=utf-8", xml(code, text, traceId));
            default -> new ErrorBody(JSON_UTF8, Json.createObjectBuilder().add("type", code.code())
                    .add("message", text).add("detail", traceId).build().toString().getBytes(StandardCharsets.UTF_8));
        };
    }

    /** The first form the caller accepts, by its q-values: problem, xml or json (also when nothing matches). */
    static String negotiate(String accept) {
        if (accept == null) {
            return "json";
        }
        record Range(String type, double q) {
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(pieces[0].trim().toLowerCase(Locale.ROOT), q));
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed());
        for (Range range : ranges) {
            if (range.q() <= 0) {
                continue;
            }
            switch (range.type()) {
                case "application/problem+json": return "problem";
                case "application/json", "application/*", "*/*": return "json";
                case "application/xml", "text/xml", "text/*": return "xml";
                default: break;
            }
        }
        return "json";
    }

    private static String xmlType(String accept) {
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("application/xml") && (!lower.contains("text/xml")
                || lower.indexOf("application/xml") < lower.indexOf("text/xml")) ? "application/xml" : "text/xml";
    }

    private static byte[] xml(ErrorCode code, String message, String traceId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("error");
            element(xml, "type", code.code());
            element(xml, "message", message);
            element(xml, "detail", traceId);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an XML error body", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
