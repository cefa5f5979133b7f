package kh.gov.spean.cli.dpo;

import java.awt.Color;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.LayoutProcessor;

/**
 * The fonts the report's PDF embeds, and the phrases written in them: Noto Sans Khmer for Khmer and ASCII, Noto Sans
 * for the characters it lacks, chosen per run of characters (OpenPDF's own Liberation Sans after both). Khmer is only
 * readable once shaped (a subscript consonant below its base, a vowel drawn before the consonant it follows), so
 * OpenPDF's layout processor lays every run out with Java's own text layout, which shapes it, and the PDF gets the
 * shaped glyphs.
 */
final class ReportFonts {

    static final String KHMER_REGULAR = "fonts/NotoSansKhmer-Regular.ttf";
    static final String KHMER_BOLD = "fonts/NotoSansKhmer-Bold.ttf";
    static final String LATIN_REGULAR = "fonts/NotoSans-Regular.ttf";

    private final BaseFont khmer;
    private final BaseFont khmerBold;
    private final BaseFont latin;
    /** One selector per style: making one loads OpenPDF's own last-resort font again. */
    private final Map<Style, FontSelector> selectors = new HashMap<>();

    /** What a run of text is written in, besides its characters. */
    private record Style(BaseFont font, float size, Color color) {
    }

    private ReportFonts(BaseFont khmer, BaseFont khmerBold, BaseFont latin) {
        this.khmer = khmer;
        this.khmerBold = khmerBold;
        this.latin = latin;
    }

    /**
     * Loads the fonts from the class path. The layout processor is OpenPDF's one switch for the whole JVM, and a font
     * is only shaped if it was loaded after the switch was on: so it is turned on here, first.
     */
    static synchronized ReportFonts load() throws IOException {
        if (!LayoutProcessor.isEnabled()) {
            LayoutProcessor.enable();
        }
        return new ReportFonts(embedded(KHMER_REGULAR), embedded(KHMER_BOLD), embedded(LATIN_REGULAR));
    }

    private static BaseFont embedded(String resource) throws IOException {
        // Identity-H: glyph ids, not a one-byte encoding, so shaped glyphs that no character maps to can be written.
        return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    }

    /** Text in the regular weight; a missing one as a dash. */
    Phrase regular(String text, float size, Color color) {
        return phrase(text, khmer, size, color);
    }

    /** Text in bold: Khmer and ASCII bold, anything else in the regular Latin font. */
    Phrase bold(String text, float size, Color color) {
        return phrase(text, khmerBold, size, color);
    }

    private Phrase phrase(String text, BaseFont first, float size, Color color) {
        Phrase phrase = selectors.computeIfAbsent(new Style(first, size, color), style -> {
            FontSelector selector = new FontSelector();
            selector.addFont(new Font(style.font(), style.size(), Font.NORMAL, style.color()));
            selector.addFont(new Font(latin, style.size(), Font.NORMAL, style.color()));
            return selector;
        }).process(ReportWording.orDash(text));
        for (Element run : phrase) {
            if (run instanceof Chunk chunk) {
                chunk.setSplitCharacter(KhmerLineBreaks.INSTANCE);
            }
        }
        return phrase;
    }
}
