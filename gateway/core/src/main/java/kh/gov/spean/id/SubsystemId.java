package kh.gov.spean.id;

import java.util.Objects;

/** A client or provider system of a member: {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM}, e.g. {@code KH/GOV/MOI/ID-REGISTRY}. */
public record SubsystemId(MemberId member, String subsystemCode) {

    public SubsystemId {
        Objects.requireNonNull(member, "member");
        MemberId.requirePart("subsystem code", subsystemCode);
    }

    public static SubsystemId parse(String text) {
        String[] parts = IdentifierParts.split(text, 4, "subsystem", "INSTANCE/CLASS/MEMBER/SUBSYSTEM");
        return new SubsystemId(new MemberId(parts[0], parts[1], parts[2]), parts[3]);
    }

    @Override
    public String toString() {
        return member + "/" + subsystemCode;
    }
}
