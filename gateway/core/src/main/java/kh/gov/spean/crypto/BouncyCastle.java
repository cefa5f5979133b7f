package kh.gov.spean.crypto;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Registers the Bouncy Castle provider once; EC work asks for it by name, being several times faster than the JDK's here. */
public final class BouncyCastle {

    private static final Provider PROVIDER = register();

    private BouncyCastle() {
    }

    public static Provider provider() {
        return PROVIDER;
    }

    private static synchronized Provider register() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null) {
            return existing;
        }
        Provider provider = new BouncyCastleProvider();
        Security.addProvider(provider);
        return provider;
    }
}
