package kh.gov.spean.cli.dpo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import kh.gov.spean.cli.dpo.AccessReport.AccessLine;
import kh.gov.spean.cli.dpo.AccessReport.Evidence;
import kh.gov.spean.cli.dpo.AccessReport.Party;
import kh.gov.spean.cli.dpo.AccessReport.Purpose;
import kh.gov.spean.cli.dpo.AccessReport.Unanswered;
import kh.gov.spean.cli.dpo.ReportWording.Bilingual;

/**
 * The citizen's report as one self-contained HTML page, Khmer and English: no script, no external resource (its
 * style is inline, its Khmer font embedded, its only links are the evidence files beside it), every value escaped.
 */
public final class AccessReportHtml {

    /** Nothing may load or run: the page is read, and its evidence links followed. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:";

    private static final String STYLE = """
            body{font-family:"Spean Khmer","Noto Sans Khmer",sans-serif;margin:2em;color:#1a1a1a;line-height:1.5}
            h1,h2{margin-bottom:.3em}h1 [lang=en],h2 [lang=en]{display:block;font-size:.75em;color:#444}
            table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
            th,td{border:1px solid #999;padding:.35em .5em;vertical-align:top;text-align:left}
            th{background:#eee}th [lang=en]{display:block;color:#444}td [lang=en]{color:#555}
            code{font-family:monospace;overflow-wrap:anywhere}pre{background:#f4f4f4;padding:.6em;white-space:pre-wrap}
            .empty{font-size:1.2em;font-weight:bold}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}
            dt{font-weight:bold}dd{margin:0}ul.evidence{margin:0;padding-left:1.2em}
            """;

    private AccessReportHtml() {
    }

    /**
     * Noto Sans Khmer, the PDF's font, inside the page: a reader whose system has no Khmer font would otherwise see
     * boxes. Read once, when the first page is rendered.
     */
    private static final class KhmerFontFace {
        static final String RULE = "@font-face{font-family:\"Spean Khmer\";src:url(data:font/ttf;base64,"
                + Base64.getEncoder().encodeToString(regularFont()) + ") format(\"truetype\")}\n";

        private static byte[] regularFont() {
            try (InputStream font = AccessReportHtml.class.getClassLoader().getResourceAsStream(ReportFonts.KHMER_REGULAR)) {
                if (font == null) {
                    throw new IllegalStateException(ReportFonts.KHMER_REGULAR + " is missing from the class path");
                }
                return font.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes the page to a file, UTF-8. */
    public static void write(AccessReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The page. */
    public static String render(AccessReport report) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"km\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(ReportWording.TITLE.km())).append(" — ")
                .append(escape(ReportWording.TITLE.en())).append("</title>\n")
                .append("<style>\n").append(KhmerFontFace.RULE).append(STYLE).append("</style>\n</head>\n<body>\n");
        header(html, report);
        accesses(html, report.lines());
        membersAsked(html, report.membersAsked(), report.unanswered());
        howToCheck(html);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, AccessReport report) {
        html.append("<header>\n<h1>").append(both(ReportWording.TITLE)).append("</h1>\n")
                .append("<p>").append(both(ReportWording.ISSUER)).append("</p>\n<dl>\n")
                .append("<dt>").append(both(ReportWording.SUBJECT)).append("</dt><dd><code>")
                .append(escape(report.subjectLabel())).append("</code></dd>\n")
                .append("<dt>").append(both(ReportWording.GENERATED)).append("</dt><dd>")
                .append(time(report.generatedAt())).append("</dd>\n</dl>\n")
                .append("<p>").append(both(ReportWording.NO_FULL_ID)).append("</p>\n</header>\n");
    }

    private static void accesses(StringBuilder html, List<AccessLine> lines) {
        html.append("<section id=\"accesses\">\n<h2>").append(both(ReportWording.ACCESSES)).append("</h2>\n");
        if (lines.isEmpty()) {
            html.append("<p class=\"empty\">").append(both(ReportWording.NO_ACCESS)).append("</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<thead><tr>");
        for (Bilingual heading : ReportWording.ACCESS_COLUMNS) {
            html.append("<th>").append(both(heading)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int number = 0;
        for (AccessLine line : lines) {
            number++;
            html.append("<tr class=\"access\">")
                    .append("<td>").append(number).append("</td>")
                    .append("<td>").append(time(line.time())).append("</td>")
                    .append("<td>").append(party(line.provider()))
                    .append("<div>").append(both(ReportWording.SERVICE)).append(" <code>").append(escape(line.service()))
                    .append("</code></div></td>")
                    .append("<td>").append(party(line.client()))
                    .append("<div>").append(both(ReportWording.SUBSYSTEM)).append(" <code>")
                    .append(escape(line.clientSubsystem())).append("</code></div></td>")
                    .append("<td><code>").append(escape(ReportWording.orDash(line.official()))).append("</code>")
                    .append("<div>").append(both(ReportWording.CASE)).append(" <code>")
                    .append(escape(ReportWording.orDash(line.issue()))).append("</code></div></td>")
                    .append("<td>").append(purpose(line.purpose())).append("</td>")
                    .append("<td><code>").append(escape(ReportWording.orDash(line.outcome()))).append("</code></td>")
                    .append("<td>").append(evidence(line.evidence())).append("</td>")
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void membersAsked(StringBuilder html, List<Party> asked, List<Unanswered> unanswered) {
        html.append("<section id=\"members\">\n<h2>").append(both(ReportWording.MEMBERS_ASKED)).append("</h2>\n");
        if (asked.isEmpty()) {
            html.append("<p>").append(both(ReportWording.NONE_ASKED)).append("</p>\n");
        } else {
            html.append("<ul>\n");
            for (Party member : asked) {
                html.append("<li>").append(party(member)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<h2>").append(both(ReportWording.UNANSWERED)).append("</h2>\n");
        if (unanswered.isEmpty()) {
            html.append("<p>").append(both(ReportWording.ALL_ANSWERED)).append("</p>\n");
        } else {
            html.append("<table>\n<thead><tr><th>").append(both(ReportWording.MEMBERS_ASKED)).append("</th><th>")
                    .append(both(ReportWording.REASON)).append("</th></tr></thead>\n<tbody>\n");
            for (Unanswered member : unanswered) {
                html.append("<tr class=\"unanswered\"><td>").append(party(member.member())).append("</td><td><code>")
                        .append(escape(ReportWording.orDash(member.reason()))).append("</code></td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</section>\n");
    }

    private static void howToCheck(StringBuilder html) {
        html.append("<section id=\"checking\">\n<h2>").append(both(ReportWording.HOW_TO_CHECK)).append("</h2>\n")
                .append("<p lang=\"km\">").append(escape(ReportWording.HOW_TO_CHECK_TEXT.km())).append("</p>\n")
                .append("<p lang=\"en\">").append(escape(ReportWording.HOW_TO_CHECK_TEXT.en())).append("</p>\n")
                .append("<pre><code>").append(escape(ReportWording.VERIFY_COMMAND)).append('\n')
                .append(escape(ReportWording.PROVE_COMMAND)).append("</code></pre>\n</section>\n");
    }

    private static String both(Bilingual text) {
        return "<span lang=\"km\">" + escape(text.km()) + "</span> <span lang=\"en\">" + escape(text.en()) + "</span>";
    }

    private static String party(Party party) {
        return "<span lang=\"km\">" + escape(ReportWording.orDash(party.nameKm())) + "</span> <span lang=\"en\">"
                + escape(ReportWording.orDash(party.nameEn())) + "</span> <code>" + escape(party.id()) + "</code>";
    }

    private static String purpose(Purpose purpose) {
        if (purpose == null) {
            return "—";
        }
        return "<span lang=\"km\">" + escape(ReportWording.orDash(purpose.nameKm())) + "</span> <span lang=\"en\">"
                + escape(ReportWording.orDash(purpose.nameEn())) + "</span> <code>" + escape(purpose.code())
                + "</code><div>" + both(ReportWording.LEGAL_BASIS) + " " + escape(ReportWording.orDash(purpose.legalBasis()))
                + "</div>";
    }

    private static String time(Instant time) {
        return "<time datetime=\"" + escape(time.toString()) + "\">" + escape(ReportWording.phnomPenhTime(time))
                + "</time><br>" + escape(ReportWording.utcTime(time));
    }

    private static String evidence(Evidence evidence) {
        if (evidence == null) {
            return "—";
        }
        StringBuilder html = new StringBuilder("<div>")
                .append(both(ReportWording.ENTRY)).append(' ').append(evidence.entryIndex()).append("</div><div>")
                .append(both(ReportWording.CHECKPOINT)).append(' ').append(evidence.checkpointSize())
                .append("</div><ul class=\"evidence\">");
        ReportWording.byFolder(evidence.files()).forEach((folder, names) -> {
            html.append("<li><code>").append(escape(folder)).append("</code>");
            for (String name : names) {
                String file = folder + name;
                html.append(' ');
                if (isRelativePath(file)) {
                    html.append("<a href=\"").append(escape(percentEncoded(file))).append("\">")
                            .append(escape(name)).append("</a>");
                } else {
                    // Anything else (a scheme, an absolute path) is no file beside the report: shown, never linked.
                    html.append("<code>").append(escape(name)).append("</code>");
                }
            }
            html.append("</li>");
        });
        return html.append("</ul>").toString();
    }

    /** A path under the report's folder: no scheme, not absolute, not climbing out. */
    static boolean isRelativePath(String file) {
        if (file.isEmpty() || file.indexOf(':') >= 0 || file.startsWith("/") || file.startsWith("\\")) {
            return false;
        }
        for (String segment : file.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** A relative path as a URL path: unreserved characters and slashes kept, every other byte percent-encoded. */
    private static String percentEncoded(String path) {
        StringBuilder encoded = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** Escapes for HTML text and quoted attribute values alike: the five characters HTML gives meaning to. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
