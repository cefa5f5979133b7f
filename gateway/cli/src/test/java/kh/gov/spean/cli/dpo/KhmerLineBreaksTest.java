package kh.gov.spean.cli.dpo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class KhmerLineBreaksTest {

    /** The places a line may break, as the text before each. */
    private static List<String> breaksIn(String text) {
        char[] chars = text.toCharArray();
        List<String> before = new ArrayList<>();
        for (int i = 0; i < chars.length; i++) {
            if (KhmerLineBreaks.INSTANCE.isSplitCharacter(0, i, chars.length, chars, null)) {
                before.add(text.substring(0, i + 1));
            }
        }
        return before;
    }

    @Test
    void breaks_khmer_without_spaces_between_syllables_never_before_a_subscript_or_a_vowel() {
        // ក្រ | សួ | ង | ម | ហា | ផ្ទៃ : never between ក and ្រ, nor before ួ, ា or ៃ.
        assertEquals(List.of("ក្រ", "ក្រសួ", "ក្រសួង", "ក្រសួងម", "ក្រសួងមហា"), breaksIn("ក្រសួងមហាផ្ទៃ"));
    }

    @Test
    void after_a_space_breaks_only_at_spaces() {
        // Up to the first space there is no better place than a syllable; after it, the space is the better place.
        assertEquals(List.of("ក្រ", "ក្រសួ", "ក្រសួង", "ក្រសួងសេ", "ក្រសួងសេដ្ឋ", "ក្រសួងសេដ្ឋកិ", "ក្រសួងសេដ្ឋកិច្ច ",
                "ក្រសួងសេដ្ឋកិច្ច និង "), breaksIn("ក្រសួងសេដ្ឋកិច្ច និង ហិរញ្ញវត្ថុ"));
    }

    @Test
    void leaves_latin_text_to_openpdfs_own_rule() {
        assertEquals(List.of("KH/GOV/MOI/ID-"), breaksIn("KH/GOV/MOI/ID-REGISTRY"));
    }
}
