package kh.gov.spean.id;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service of a subsystem: {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE}, e.g. {@code KH/GOV/MOI/ID-REGISTRY/verifyCitizen},
 * optionally followed by a major version, {@code .../verifyCitizen/v2}, as X-Road's service version: two major
 * versions of a service are two services, served side by side.
 *
 * @param version {@code vN} with N ≥ 2, or null for the service's first version
 */
public record ServiceId(SubsystemId subsystem, String serviceCode, String version) {

    private static final Pattern VERSION = Pattern.compile("v([2-9]|[1-9][0-9]{1,3})");

    public ServiceId {
        Objects.requireNonNull(subsystem, "subsystem");
        MemberId.requirePart("service code", serviceCode);
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid service version '" + version
                    + "': v2, v3, ... (the first version has none)");
        }
    }

    public ServiceId(SubsystemId subsystem, String serviceCode) {
        this(subsystem, serviceCode, null);
    }

    public static ServiceId parse(String text) {
        String form = "INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE[/vN]";
        int parts = text == null ? 0 : text.split("/", -1).length;
        String[] part = IdentifierParts.split(text, parts == 6 ? 6 : 5, "service", form);
        return new ServiceId(new SubsystemId(new MemberId(part[0], part[1], part[2]), part[3]), part[4],
                part.length == 6 ? part[5] : null);
    }

    /** Parses what a connector descriptor names within its own subsystem: {@code SERVICE} or {@code SERVICE/vN}. */
    public static ServiceId within(SubsystemId subsystem, String codeAndVersion) {
        String[] part = codeAndVersion.split("/", -1);
        if (part.length > 2) {
            throw new IllegalArgumentException("invalid service '" + codeAndVersion + "': expected SERVICE or SERVICE/vN");
        }
        return new ServiceId(subsystem, part[0], part.length == 2 ? part[1] : null);
    }

    public MemberId member() {
        return subsystem.member();
    }

    @Override
    public String toString() {
        return subsystem + "/" + serviceCode + (version == null ? "" : "/" + version);
    }
}
