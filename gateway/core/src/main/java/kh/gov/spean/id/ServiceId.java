package kh.gov.spean.id;

import java.util.Objects;

/** A service of a subsystem: {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE}, e.g. {@code KH/GOV/MOI/ID-REGISTRY/verifyCitizen}. */
public record ServiceId(SubsystemId subsystem, String serviceCode) {

    public ServiceId {
        Objects.requireNonNull(subsystem, "subsystem");
        MemberId.requirePart("service code", serviceCode);
    }

    public static ServiceId parse(String text) {
        String[] parts = IdentifierParts.split(text, 5, "service", "INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE");
        return new ServiceId(new SubsystemId(new MemberId(parts[0], parts[1], parts[2]), parts[3]), parts[4]);
    }

    public MemberId member() {
        return subsystem.member();
    }

    @Override
    public String toString() {
        return subsystem + "/" + serviceCode;
    }
}
