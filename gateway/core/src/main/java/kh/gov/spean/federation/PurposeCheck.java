package kh.gov.spean.federation;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;
import kh.gov.spean.id.SubsystemId;

/**
 * The rule of declared purposes (decision 0057), applied by the client's node before it signs and by the provider's
 * node to the signed header: a call to a personal-data service names the acting official and a purpose its access
 * right grants; a purpose declared on any call is one of the federation's catalogue.
 */
public final class PurposeCheck {

    private PurposeCheck() {
    }

    /**
     * Refuses, each with its own code, a call that breaks the rule. The access right itself is checked before this.
     *
     * @param purpose  the declared purpose code ({@code X-Spean-Purpose}), or null
     * @param official the acting official ({@code X-Road-UserId}), or null
     */
    public static void check(Federation federation, SubsystemId client, Federation.Service service, String purpose,
                             String official) {
        if (service.personalData() && purpose == null) {
            throw new SpeanException(ErrorCode.PURPOSE_MISSING, service.id()
                    + " holds personal data: declare the purpose of the call in X-Spean-Purpose");
        }
        if (service.personalData() && (official == null || official.isBlank())) {
            throw new SpeanException(ErrorCode.OFFICIAL_MISSING, service.id()
                    + " holds personal data: name the acting official in X-Road-UserId");
        }
        if (purpose != null && federation.purpose(purpose).isEmpty()) {
            throw new SpeanException(ErrorCode.PURPOSE_UNKNOWN, "purpose " + purpose
                    + " is not in the federation's catalogue of purposes");
        }
        if (service.personalData() && !federation.purposesGranted(client, service.id()).contains(purpose)) {
            throw new SpeanException(ErrorCode.PURPOSE_NOT_GRANTED, client + " may not call " + service.id()
                    + " for purpose " + purpose + "; its access right grants "
                    + federation.purposesGranted(client, service.id()).stream().sorted().toList());
        }
    }
}
