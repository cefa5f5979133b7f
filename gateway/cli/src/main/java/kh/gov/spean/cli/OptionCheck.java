package kh.gov.spean.cli;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** Refuses an option's value with the node's own wording for a bad setting: {@code setting 'OPTION' PROBLEM}. */
public final class OptionCheck {

    private OptionCheck() {
    }

    public static void require(boolean condition, String option, String problem) {
        if (!condition) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting '" + option + "' " + problem);
        }
    }
}
