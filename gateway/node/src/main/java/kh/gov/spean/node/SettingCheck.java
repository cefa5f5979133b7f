package kh.gov.spean.node;

import kh.gov.spean.error.ErrorCode;
import kh.gov.spean.error.SpeanException;

/** Refuses a setting's value, a node's or a command's option, in one wording: {@code setting 'NAME' PROBLEM}. */
public final class SettingCheck {

    private SettingCheck() {
    }

    public static void require(boolean condition, String name, String problem) {
        if (!condition) {
            throw new SpeanException(ErrorCode.CONFIGURATION_INVALID, "setting '" + name + "' " + problem);
        }
    }
}
