package kh.gov.spean.cli.dpo;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import kh.gov.spean.cli.dpo.AccessReport.AccessLine;
import kh.gov.spean.cli.dpo.AccessReport.Evidence;
import kh.gov.spean.cli.dpo.AccessReport.Party;
import kh.gov.spean.cli.dpo.AccessReport.Purpose;
import kh.gov.spean.cli.dpo.AccessReport.Unanswered;
import kh.gov.spean.cli.dpo.ReportWording.Bilingual;

/**
 * The citizen's report as a PDF that says what the HTML page says, Khmer and English, on landscape A4 pages: its
 * fonts embedded, its Khmer shaped (see {@link ReportFonts}).
 */
public final class AccessReportPdf {

    private static final float TITLE = 16f;
    private static final float HEADING = 12f;
    private static final float TEXT = 9.5f;
    private static final float TABLE = 7.5f;
    private static final float FOOTER = 7f;
    private static final float LEADING = 1.5f;
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color SECOND_LANGUAGE = new Color(0x44, 0x44, 0x44);
    private static final Color HEADER_FILL = new Color(0xee, 0xee, 0xee);
    /** Relative widths of the access table's columns ({@link ReportWording#ACCESS_COLUMNS}). */
    private static final float[] ACCESS_COLUMN_WIDTHS = {3f, 11f, 16f, 16f, 11f, 17f, 9f, 17f};

    private final ReportFonts fonts;

    private AccessReportPdf(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /** Writes the PDF to a file. */
    public static void write(AccessReport report, Path file) throws IOException {
        Files.write(file, render(report));
    }

    /** The PDF's bytes. */
    public static byte[] render(AccessReport report) throws IOException {
        return new AccessReportPdf(ReportFonts.load()).document(report);
    }

    private byte[] document(AccessReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Footer(report.subjectLabel()));
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("km"));
        document.addTitle(ReportWording.TITLE.km() + " / " + ReportWording.TITLE.en());
        document.addCreator("Spean");
        document.open();
        header(document, report);
        accesses(document, report.lines());
        membersAsked(document, report.membersAsked(), report.unanswered());
        howToCheck(document);
        document.close();
        return out.toByteArray();
    }

    /** Each page's foot: whose report it is and which page, so a printed page is never lost from its report. */
    private final class Footer extends PdfPageEventHelper {
        private final String subjectLabel;

        private Footer(String subjectLabel) {
            this.subjectLabel = subjectLabel;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase footer = new Phrase();
            footer.add(fonts.regular(ReportWording.TITLE.km() + " / " + ReportWording.TITLE.en() + " — " + subjectLabel
                    + " — ", FOOTER, SECOND_LANGUAGE));
            footer.add(fonts.regular(ReportWording.PAGE.km() + " / " + ReportWording.PAGE.en() + " "
                    + writer.getPageNumber(), FOOTER, SECOND_LANGUAGE));
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT, footer, document.right(),
                    document.bottom() - 18f, 0f);
        }
    }

    private void header(Document document, AccessReport report) {
        document.add(paragraph(fonts.bold(ReportWording.TITLE.km(), TITLE, INK), TITLE, 0f));
        document.add(paragraph(fonts.regular(ReportWording.TITLE.en(), HEADING, SECOND_LANGUAGE), HEADING, 4f));
        document.add(paragraph(bilingual(ReportWording.ISSUER, TEXT), TEXT, 6f));
        Paragraph subject = bilingualLabel(ReportWording.SUBJECT, TEXT);
        subject.add(fonts.regular(report.subjectLabel(), TEXT, INK));
        document.add(subject);
        Paragraph generated = bilingualLabel(ReportWording.GENERATED, TEXT);
        generated.add(fonts.regular(ReportWording.phnomPenhTime(report.generatedAt()) + " / "
                + ReportWording.utcTime(report.generatedAt()), TEXT, INK));
        document.add(generated);
        document.add(paragraph(bilingual(ReportWording.NO_FULL_ID, TEXT), TEXT, 10f));
    }

    private void accesses(Document document, List<AccessLine> lines) {
        document.add(heading(ReportWording.ACCESSES));
        if (lines.isEmpty()) {
            document.add(paragraph(fonts.bold(ReportWording.NO_ACCESS.km(), HEADING, INK), HEADING, 0f));
            document.add(paragraph(fonts.bold(ReportWording.NO_ACCESS.en(), HEADING, INK), HEADING, 10f));
            return;
        }
        PdfPTable table = new PdfPTable(ACCESS_COLUMN_WIDTHS);
        table.setWidthPercentage(100f);
        table.setHeaderRows(1);
        table.setSpacingAfter(10f);
        for (Bilingual heading : ReportWording.ACCESS_COLUMNS) {
            table.addCell(headerCell(heading));
        }
        int number = 0;
        for (AccessLine line : lines) {
            number++;
            table.addCell(cell(value(Integer.toString(number))));
            table.addCell(cell(value(ReportWording.phnomPenhTime(line.time())), value(ReportWording.utcTime(line.time()))));
            table.addCell(cell(party(line.provider()), labelled(ReportWording.SERVICE, line.service())));
            table.addCell(cell(party(line.client()), labelled(ReportWording.SUBSYSTEM, line.clientSubsystem())));
            table.addCell(cell(value(ReportWording.orDash(line.official())),
                    labelled(ReportWording.CASE, ReportWording.orDash(line.issue()))));
            table.addCell(cell(purpose(line.purpose())));
            table.addCell(cell(value(ReportWording.orDash(line.outcome()))));
            table.addCell(cell(evidence(line.evidence())));
        }
        document.add(table);
    }

    private void membersAsked(Document document, List<Party> asked, List<Unanswered> unanswered) {
        document.add(heading(ReportWording.MEMBERS_ASKED));
        if (asked.isEmpty()) {
            document.add(paragraph(bilingual(ReportWording.NONE_ASKED, TEXT), TEXT, 6f));
        }
        for (Party member : asked) {
            Paragraph item = lines(TEXT);
            item.add(fonts.regular("•  " + ReportWording.orDash(member.nameKm()) + "   ", TEXT, INK));
            item.add(fonts.regular(ReportWording.orDash(member.nameEn()) + "   ", TEXT, INK));
            item.add(fonts.regular(member.id(), TEXT, SECOND_LANGUAGE));
            document.add(item);
        }
        document.add(heading(ReportWording.UNANSWERED));
        if (unanswered.isEmpty()) {
            document.add(paragraph(bilingual(ReportWording.ALL_ANSWERED, TEXT), TEXT, 6f));
            return;
        }
        PdfPTable table = new PdfPTable(new float[] {45f, 55f});
        table.setWidthPercentage(100f);
        table.setHeaderRows(1);
        table.setSpacingAfter(10f);
        table.addCell(headerCell(ReportWording.MEMBERS_ASKED));
        table.addCell(headerCell(ReportWording.REASON));
        for (Unanswered member : unanswered) {
            table.addCell(cell(party(member.member())));
            table.addCell(cell(value(ReportWording.orDash(member.reason()))));
        }
        document.add(table);
    }

    private void howToCheck(Document document) {
        document.add(heading(ReportWording.HOW_TO_CHECK));
        document.add(paragraph(fonts.regular(ReportWording.HOW_TO_CHECK_TEXT.km(), TEXT, INK), TEXT, 4f));
        document.add(paragraph(fonts.regular(ReportWording.HOW_TO_CHECK_TEXT.en(), TEXT, INK), TEXT, 4f));
        document.add(paragraph(fonts.regular(ReportWording.VERIFY_COMMAND, TEXT, INK), TEXT, 0f));
        document.add(paragraph(fonts.regular(ReportWording.PROVE_COMMAND, TEXT, INK), TEXT, 0f));
    }

    private Paragraph heading(Bilingual heading) {
        Paragraph paragraph = lines(HEADING);
        paragraph.setSpacingBefore(8f);
        paragraph.setSpacingAfter(4f);
        paragraph.add(fonts.bold(heading.km(), HEADING, INK));
        paragraph.add(fonts.regular("   " + heading.en(), HEADING, SECOND_LANGUAGE));
        return paragraph;
    }

    private Phrase bilingual(Bilingual text, float size) {
        Phrase phrase = new Phrase();
        phrase.add(fonts.regular(text.km(), size, INK));
        phrase.add(fonts.regular("   " + text.en(), size, SECOND_LANGUAGE));
        return phrase;
    }

    private Paragraph bilingualLabel(Bilingual label, float size) {
        Paragraph paragraph = lines(size);
        paragraph.add(fonts.bold(label.km(), size, INK));
        paragraph.add(fonts.regular(" / " + label.en() + ":  ", size, SECOND_LANGUAGE));
        return paragraph;
    }

    private static Paragraph paragraph(Phrase phrase, float size, float spacingAfter) {
        Paragraph paragraph = lines(size);
        paragraph.add(phrase);
        paragraph.setSpacingAfter(spacingAfter);
        return paragraph;
    }

    /** Khmer stacks vowels above and consonants below its letters: its lines need more room than Latin's. */
    private static Paragraph lines(float size) {
        return new Paragraph(size * LEADING);
    }

    private PdfPCell headerCell(Bilingual heading) {
        PdfPCell cell = cell(tableText(fonts.bold(heading.km(), TABLE, INK)),
                tableText(fonts.regular(heading.en(), TABLE, SECOND_LANGUAGE)));
        cell.setBackgroundColor(HEADER_FILL);
        return cell;
    }

    private static PdfPCell cell(Element... parts) {
        PdfPCell cell = new PdfPCell();
        cell.setPadding(3f);
        cell.setPaddingBottom(5f);
        cell.setBorderColor(Color.GRAY);
        for (Element part : parts) {
            cell.addElement(part);
        }
        return cell;
    }

    private static Paragraph tableText(Phrase phrase) {
        Paragraph paragraph = lines(TABLE);
        paragraph.add(phrase);
        return paragraph;
    }

    private Paragraph value(String text) {
        return tableText(fonts.regular(text, TABLE, INK));
    }

    private Paragraph labelled(Bilingual label, String value) {
        Paragraph paragraph = lines(TABLE);
        paragraph.add(fonts.regular(label.km() + " / " + label.en() + ": ", TABLE, SECOND_LANGUAGE));
        paragraph.add(fonts.regular(value, TABLE, INK));
        return paragraph;
    }

    private Paragraph party(Party party) {
        Paragraph paragraph = lines(TABLE);
        paragraph.add(fonts.regular(ReportWording.orDash(party.nameKm()) + "\n", TABLE, INK));
        paragraph.add(fonts.regular(ReportWording.orDash(party.nameEn()) + "\n", TABLE, INK));
        paragraph.add(fonts.regular(party.id(), TABLE, SECOND_LANGUAGE));
        return paragraph;
    }

    private Paragraph purpose(Purpose purpose) {
        if (purpose == null) {
            return value("—");
        }
        Paragraph paragraph = lines(TABLE);
        paragraph.add(fonts.regular(ReportWording.orDash(purpose.nameKm()) + "\n", TABLE, INK));
        paragraph.add(fonts.regular(ReportWording.orDash(purpose.nameEn()) + "\n", TABLE, INK));
        paragraph.add(fonts.regular(purpose.code() + "\n", TABLE, SECOND_LANGUAGE));
        paragraph.add(fonts.regular(ReportWording.LEGAL_BASIS.km() + " / " + ReportWording.LEGAL_BASIS.en() + ": ",
                TABLE, SECOND_LANGUAGE));
        paragraph.add(fonts.regular(ReportWording.orDash(purpose.legalBasis()), TABLE, INK));
        return paragraph;
    }

    private Paragraph evidence(Evidence evidence) {
        if (evidence == null) {
            return value("—");
        }
        Paragraph paragraph = lines(TABLE);
        paragraph.add(fonts.regular(ReportWording.ENTRY.km() + " / " + ReportWording.ENTRY.en() + " "
                + evidence.entryIndex() + "\n", TABLE, SECOND_LANGUAGE));
        paragraph.add(fonts.regular(ReportWording.CHECKPOINT.km() + " / " + ReportWording.CHECKPOINT.en() + " "
                + evidence.checkpointSize() + "\n", TABLE, SECOND_LANGUAGE));
        ReportWording.byFolder(evidence.files()).forEach((folder, names) ->
                paragraph.add(fonts.regular(folder + "\n    " + String.join(", ", names) + "\n", TABLE, INK)));
        return paragraph;
    }
}
