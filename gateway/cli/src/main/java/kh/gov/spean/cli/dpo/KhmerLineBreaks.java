package kh.gov.spean.cli.dpo;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where the PDF may break a line: where OpenPDF would (after a space or a hyphen), and, in a run of Khmer that has no
 * such place, between two syllables. Khmer puts no space between words, and OpenPDF, finding no place to break, cuts
 * anywhere — between a consonant and the subscript below it, which then prints alone as a broken mark. A syllable
 * starts with a consonant or an independent vowel that does not follow the coeng sign (U+17D2, which makes the next
 * consonant a subscript), so a break before one never splits what is drawn as one cluster.
 */
final class KhmerLineBreaks implements SplitCharacter {

    static final KhmerLineBreaks INSTANCE = new KhmerLineBreaks();

    private static final char COENG = '\u17D2';

    private KhmerLineBreaks() {
    }

    /** OpenPDF asks whether a line may break after {@code text[current]}. */
    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] text, PdfChunk[] chunks) {
        if (DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, text, chunks)) {
            return true;
        }
        int next = current + 1;
        return next < end && isKhmer(text[current]) && text[current] != COENG && startsSyllable(text[next])
                && !hasOrdinaryBreak(start, current, text, chunks);
    }

    /** A space or hyphen earlier in the run is the better place: Khmer sets one between phrases. */
    private static boolean hasOrdinaryBreak(int start, int current, char[] text, PdfChunk[] chunks) {
        for (int i = start; i < current; i++) {
            if (DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, i, current + 1, text, chunks)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKhmer(char c) {
        return c >= '\u1780' && c <= '\u17FF';
    }

    /** A consonant (U+1780–U+17A2) or an independent vowel (U+17A3–U+17B3). */
    private static boolean startsSyllable(char c) {
        return c >= '\u1780' && c <= '\u17B3';
    }
}
