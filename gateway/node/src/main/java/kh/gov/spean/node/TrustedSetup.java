package kh.gov.spean.node;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;

import kh.gov.spean.crypto.DecryptionKeys;
import kh.gov.spean.crypto.MemberKeys;
import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.federation.Federation;
import kh.gov.spean.federation.FederationFiles;
import kh.gov.spean.federation.FederationLoader;
import kh.gov.spean.federation.MemberFiles;
import kh.gov.spean.node.provider.ConnectorCatalog;
import kh.gov.spean.validation.SchemaCatalog;
import kh.gov.spean.validation.SchemaId;

/**
 * What a node checks before it starts, and refuses to start without: a federation configuration signed by the
 * authority and not expired, its member's keys matching the certificates registered there, the shared schemas the
 * configuration fixes, and its connectors.
 */
record TrustedSetup(Federation federation, X509Certificate trustAnchor, MemberKeys keys,
                    DecryptionKeys decryptionKeys, SchemaCatalog schemas, ConnectorCatalog connectors) {

    static TrustedSetup load(NodeSettings settings, Clock clock) {
        MemberFiles memberFiles = MemberFiles.in(settings.dataDirectory(), settings.member());
        // Each keystore's key derivation takes a cold JVM longer than checking the configuration: read them meanwhile,
        // each once (the encryption keystore holds the current encryption key and those a rotation kept).
        BackgroundStep<KeyStore.PrivateKeyEntry> signingKeyRead = BackgroundStep.start("signing-key",
                memberFiles::signingKeyPair);
        BackgroundStep<DecryptionKeys> decryptionKeysRead = BackgroundStep.start("decryption-keys",
                memberFiles::decryptionKeys);
        FederationFiles federationFiles = FederationFiles.in(settings.dataDirectory());
        Federation federation = FederationLoader.load(federationFiles, clock.instant());
        X509Certificate trustAnchor = FederationLoader.loadTrustAnchor(federationFiles);
        Federation.Member self = federation.member(settings.member()).orElseThrow(() -> invalid(
                "member " + settings.member() + " is not in the federation configuration"));
        KeyStore.PrivateKeyEntry signingKey = signingKeyRead.await();
        DecryptionKeys decryptionKeys = decryptionKeysRead.await();
        MemberKeys keys = MemberKeys.of(settings.member(), signingKey, decryptionKeys.current());
        if (!keys.signingCertificate().equals(self.signingCertificate())
                || !keys.encryptionCertificate().equals(self.encryptionCertificate())) {
            throw invalid("the keystores of " + settings.member()
                    + " do not hold the certificates the federation configuration registers for it");
        }
        SchemaCatalog schemas = SchemaCatalog.load(settings.schemasDirectory());
        requireFederationSchemas(federation, schemas);
        ConnectorCatalog connectors = ConnectorCatalog.load(settings.connectorsDirectory(), settings.member());
        return new TrustedSetup(federation, trustAnchor, keys, decryptionKeys, schemas, connectors);
    }

    private static void requireFederationSchemas(Federation federation, SchemaCatalog schemas) {
        for (Federation.Service service : federation.services()) {
            for (SchemaId id : service.schemas()) {
                if (!schemas.contains(id)) {
                    throw invalid("schema " + id + " of " + service.id() + " is missing from the schemas folder");
                }
                if (!schemas.sha256Hex(id).equals(federation.schemaDigest(id).orElseThrow())) {
                    throw invalid("schema " + id + " differs from the one the federation configuration fixes");
                }
            }
        }
    }

    private static SpeanException invalid(String detail) {
        return new SpeanException(ErrorCode.CONFIGURATION_INVALID, detail);
    }
}
