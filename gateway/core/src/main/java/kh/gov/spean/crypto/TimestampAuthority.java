package kh.gov.spean.crypto;

/** An RFC 3161 time-stamping authority: returns the DER TimeStampResp for the SHA-256 imprint of some bytes. */
public interface TimestampAuthority {

    byte[] timestamp(byte[] data);
}
