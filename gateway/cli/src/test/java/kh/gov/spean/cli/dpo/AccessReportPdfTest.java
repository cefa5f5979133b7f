package kh.gov.spean.cli.dpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.MoveTextSetLeading;
import org.apache.pdfbox.contentstream.operator.text.NextLine;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.SetTextLeading;
import org.apache.pdfbox.contentstream.operator.text.SetTextRenderingMode;
import org.apache.pdfbox.contentstream.operator.text.SetTextRise;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.Test;

class AccessReportPdfTest {

    /** "Ministry": its ្រ is a subscript consonant, drawn before and below ក, and ួ a vowel below ស. */
    private static final String MINISTRY = "ក្រសួង";

    @Test
    void holds_every_line_with_its_service_outcome_and_the_english_text() throws IOException {
        AccessReport report = SampleReports.demo();
        try (PDDocument pdf = Loader.loadPDF(AccessReportPdf.render(report))) {
            assertEquals(2, pdf.getNumberOfPages(), "the accesses on the first page, who was asked and how to check on the second");
            String text = new PDFTextStripper().getText(pdf);
            // A long service id or outcome wraps inside its cell: compare those without the line breaks.
            String unwrapped = withoutSpace(text);
            for (AccessReport.AccessLine line : report.lines()) {
                assertTrue(unwrapped.contains(withoutSpace(line.service())), line.service());
                assertTrue(unwrapped.contains(withoutSpace(line.outcome())), line.outcome());
                assertTrue(text.contains(line.official()), line.official());
                assertTrue(unwrapped.contains(withoutSpace(ReportWording.utcTime(line.time()))), line.time().toString());
                String folder = line.evidence().files().get(0).substring(0, line.evidence().files().get(0).lastIndexOf('/') + 1);
                assertTrue(unwrapped.contains(withoutSpace(folder + "entry.json, proof.json, checkpoint.txt, checkpoint.p7s, checkpoint.tsr")),
                        folder);
            }
            for (ReportWording.Bilingual wording : List.of(ReportWording.TITLE, ReportWording.ACCESSES,
                    ReportWording.MEMBERS_ASKED, ReportWording.UNANSWERED, ReportWording.HOW_TO_CHECK)) {
                assertTrue(text.contains(wording.en()), wording.en());
            }
            assertTrue(text.contains("Ministry of Economy and Finance"));
            assertTrue(text.contains("server.timeout: no answer within 30 s"));
            assertTrue(text.contains(ReportWording.VERIFY_COMMAND));
            assertTrue(unwrapped.contains(withoutSpace("2026-12-08 00:05:59 Phnom Penh (UTC+7)")));
        }
    }

    @Test
    void writes_khmer_as_shaped_glyphs_placed_where_javas_layout_puts_them() throws IOException, FontFormatException {
        Font khmer;
        try (InputStream font = getClass().getClassLoader().getResourceAsStream(ReportFonts.KHMER_REGULAR)) {
            khmer = Font.createFont(Font.TRUETYPE_FONT, font).deriveFont(12f);
        }
        FontRenderContext context = new FontRenderContext(new AffineTransform(), false, true);
        char[] word = MINISTRY.toCharArray();
        List<Integer> shaped = glyphs(khmer.layoutGlyphVector(context, word, 0, word.length, Font.LAYOUT_LEFT_TO_RIGHT));
        List<Integer> oneToOne = glyphs(khmer.createGlyphVector(context, word));
        assertNotEquals(oneToOne, shaped, "Java's layout shapes the word");

        GlyphsShown written;
        try (PDDocument pdf = Loader.loadPDF(AccessReportPdf.render(SampleReports.demo()))) {
            written = GlyphsShown.in(pdf.getPage(0), "NotoSansKhmer-Regular");
        }
        int at = Collections.indexOfSubList(written.glyphs, shaped);
        assertTrue(at >= 0, "the PDF holds the shaped glyphs " + shaped);
        assertEquals(-1, Collections.indexOfSubList(written.glyphs, oneToOne), "and never the unshaped sequence " + oneToOne);

        // And places each where Java's layout does (a mark's offset included), at the size the PDF wrote it in.
        float size = written.sizes.get(at);
        GlyphVector laidOut = khmer.deriveFont(size).layoutGlyphVector(context, word, 0, word.length, Font.LAYOUT_LEFT_TO_RIGHT);
        Matrix first = written.matrices.get(at);
        for (int i = 1; i < shaped.size(); i++) {
            // Measured along the text's own axes: the landscape page turns the page's axes a quarter.
            Matrix glyph = written.matrices.get(at + i);
            double dx = glyph.getTranslateX() - first.getTranslateX();
            double dy = glyph.getTranslateY() - first.getTranslateY();
            double along = (dx * first.getValue(0, 0) + dy * first.getValue(0, 1)) / size;
            double up = (dx * first.getValue(1, 0) + dy * first.getValue(1, 1)) / size;
            double expectedAlong = laidOut.getGlyphPosition(i).getX() - laidOut.getGlyphPosition(0).getX();
            double expectedUp = laidOut.getGlyphPosition(0).getY() - laidOut.getGlyphPosition(i).getY();
            assertEquals(expectedAlong, along, 0.01, "offset along the line of glyph " + i);
            // Java2D's y grows downwards, a PDF's upwards.
            assertEquals(expectedUp, up, 0.01, "offset across the line of glyph " + i);
        }
    }

    @Test
    void says_in_both_languages_that_no_access_was_recorded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(AccessReportPdf.render(SampleReports.empty()))) {
            assertEquals(1, pdf.getNumberOfPages());
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(ReportWording.NO_ACCESS.en()));
            assertFalse(text.contains(ReportWording.EVIDENCE.en()), "no table of accesses");
            assertTrue(GlyphsShown.in(pdf.getPage(0), "NotoSansKhmer-Bold").glyphs.size() > ReportWording.NO_ACCESS.km().length() / 2,
                    "the Khmer sentence is written in the bold Khmer font");
        }
    }

    @Test
    void takes_as_many_pages_as_its_lines_need_and_keeps_hostile_values_as_text() throws IOException {
        AccessReport hostile = SampleReports.hostile();
        List<AccessReport.AccessLine> lines = new ArrayList<>(hostile.lines());
        for (int i = 0; i < 10; i++) {
            lines.addAll(SampleReports.demo().lines());
        }
        AccessReport longer = new AccessReport(hostile.subjectLabel(), hostile.generatedAt(), hostile.membersAsked(),
                hostile.unanswered(), lines);
        try (PDDocument pdf = Loader.loadPDF(AccessReportPdf.render(longer))) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages > 3, "31 lines take several pages: " + pages);
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("<script>r()</script>"), "a reason is printed as it was given");
            assertTrue(text.contains("svc\"><script>s()</script>"), "and a service");
            assertTrue(text.contains("Evil & \"Co\" <b>"), "and a member's name");
            assertEquals(10, count(withoutSpace(text), "KH/GOV/MLMUPC/LAND-REGISTRY/landTitles"));
            assertTrue(count(text, ReportWording.EVIDENCE.en()) >= pages - 1, "the table's heading starts every page");
            assertTrue(text.contains("Page " + pages), "every page is numbered");
        }
    }

    private static String withoutSpace(String text) {
        return text.replaceAll("\\s", "");
    }

    private static int count(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            found++;
        }
        return found;
    }

    @Test
    void prints_a_dash_for_what_a_node_left_out_and_latin_beyond_ascii_in_noto_sans() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(AccessReportPdf.render(SampleReports.sparse()))) {
            String text = withoutSpace(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains("KH/GOV/NEW/Жук/évaluation±"), text);
            assertTrue(GlyphsShown.in(pdf.getPage(0), "NotoSans-Regular").glyphs.size() >= 3, "Ж, у, к are Noto Sans's");
        }
    }

    @Test
    void draws_a_page_a_reader_can_look_at() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(AccessReportPdf.render(SampleReports.demo()))) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 110f);
            Path png = Path.of("target", "access-report-page.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertTrue(Files.size(png) > 10_000, "the page has something drawn on it");
        }
    }

    private static List<Integer> glyphs(GlyphVector vector) {
        List<Integer> glyphs = new ArrayList<>();
        for (int i = 0; i < vector.getNumGlyphs(); i++) {
            glyphs.add(vector.getGlyphCode(i));
        }
        return glyphs;
    }

    /**
     * The glyph ids a page shows in one font, in the order shown (Identity-H: a code is the glyph id), with where
     * each is drawn and at what size.
     */
    private static final class GlyphsShown extends PDFStreamEngine {
        private final String fontName;
        private final List<Integer> glyphs = new ArrayList<>();
        private final List<Matrix> matrices = new ArrayList<>();
        private final List<Float> sizes = new ArrayList<>();

        private GlyphsShown(String fontName) {
            this.fontName = fontName;
            addOperator(new BeginText(this));
            addOperator(new EndText(this));
            addOperator(new Concatenate(this));
            addOperator(new DrawObject(this));
            addOperator(new Save(this));
            addOperator(new Restore(this));
            addOperator(new SetGraphicsStateParameters(this));
            addOperator(new SetMatrix(this));
            addOperator(new MoveText(this));
            addOperator(new MoveTextSetLeading(this));
            addOperator(new NextLine(this));
            addOperator(new SetFontAndSize(this));
            addOperator(new SetTextLeading(this));
            addOperator(new SetTextRenderingMode(this));
            addOperator(new SetTextRise(this));
            addOperator(new ShowText(this));
            addOperator(new ShowTextAdjusted(this));
            addOperator(new ShowTextLine(this));
        }

        static GlyphsShown in(PDPage page, String fontName) throws IOException {
            GlyphsShown engine = new GlyphsShown(fontName);
            engine.processPage(page);
            return engine;
        }

        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) {
            if (font.getName() != null && font.getName().endsWith(fontName)) {
                glyphs.add(code);
                matrices.add(textRenderingMatrix.clone());
                sizes.add(textRenderingMatrix.getScalingFactorY());
            }
        }
    }
}
