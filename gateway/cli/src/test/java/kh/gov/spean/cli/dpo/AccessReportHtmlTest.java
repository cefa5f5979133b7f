package kh.gov.spean.cli.dpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class AccessReportHtmlTest {

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    @Test
    void shows_one_row_per_access_with_times_in_phnom_penh_and_utc() {
        String html = AccessReportHtml.render(SampleReports.demo());

        assertEquals(3, count(html, "<tr class=\"access\">"));
        // 02:15:04 UTC is 09:15:04 in Phnom Penh, the same day; 17:05:59 UTC is past midnight there.
        assertTrue(html.contains("2026-12-07 09:15:04 Phnom Penh (UTC+7)"), html);
        assertTrue(html.contains("2026-12-07 02:15:04 UTC"));
        assertTrue(html.contains("2026-12-08 00:05:59 Phnom Penh (UTC+7)"));
        for (String value : new String[] {"KH/GOV/MOI/ID-REGISTRY/verifyCitizen", "officer.sokha", "CASE-2026-0042",
            "BUSINESS-REGISTRY", "client.purpose_not_granted", "answered 200", "Land Law 2001, art. 226",
            "ក្រសួងមហាផ្ទៃ", "Ministry of Economy and Finance", "ការពិនិត្យប័ណ្ណកម្មសិទ្ធិដីធ្លី"}) {
            assertTrue(html.contains(value), value);
        }
        assertTrue(html.contains("<li><code>evidence/KH.GOV.MOI/41/</code> <a href=\"evidence/KH.GOV.MOI/41/entry.json\">entry.json</a>"
                + " <a href=\"evidence/KH.GOV.MOI/41/proof.json\">proof.json</a>"), html);
        assertEquals(15, count(html, "<a href=\"evidence/"), "five evidence files a line");
    }

    @Test
    void says_every_heading_in_khmer_and_in_english_each_marked_with_its_language() {
        String html = AccessReportHtml.render(SampleReports.demo());

        for (ReportWording.Bilingual wording : new ReportWording.Bilingual[] {ReportWording.TITLE,
            ReportWording.ACCESSES, ReportWording.TIME, ReportWording.HELD_BY, ReportWording.REQUESTED_BY,
            ReportWording.OFFICIAL, ReportWording.PURPOSE, ReportWording.OUTCOME, ReportWording.EVIDENCE,
            ReportWording.MEMBERS_ASKED, ReportWording.UNANSWERED, ReportWording.HOW_TO_CHECK}) {
            assertTrue(html.contains("<span lang=\"km\">" + wording.km() + "</span>"), wording.km());
            assertTrue(html.contains("<span lang=\"en\">" + wording.en() + "</span>"), wording.en());
        }
        assertTrue(html.contains("<p lang=\"km\">" + ReportWording.HOW_TO_CHECK_TEXT.km() + "</p>"));
        assertTrue(html.contains("<p lang=\"en\">" + AccessReportHtml.escape(ReportWording.HOW_TO_CHECK_TEXT.en()) + "</p>"));
        assertTrue(html.contains(ReportWording.VERIFY_COMMAND));
    }

    @Test
    void names_the_members_that_did_not_answer_and_why() {
        String html = AccessReportHtml.render(SampleReports.demo());

        assertEquals(1, count(html, "<tr class=\"unanswered\">"));
        assertTrue(html.contains("server.timeout: no answer within 30 s"));
        assertEquals(4, count(html, "<li><span lang=\"km\">"));
    }

    @Test
    void escapes_every_value_and_links_only_files_beside_the_report() {
        String html = AccessReportHtml.render(SampleReports.hostile());

        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<img"), "no image element");
        assertFalse(html.contains("<svg"), "no svg element");
        assertFalse(html.contains("<blink"));
        assertFalse(html.contains("<b>") || html.contains("<i>") || html.contains("<u>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("Evil &amp; &quot;Co&quot; &lt;b&gt;"));
        assertTrue(html.contains("Purpose &quot;quoted&quot; &amp; &#39;single&#39;"));
        assertTrue(html.contains("#&amp;&lt;&gt;"));
        assertTrue(html.contains("&quot;&gt;&lt;svg onload=alert(3)&gt;"));
        assertEquals(1, count(html, "<a href="), "only the relative file is a link");
        assertTrue(html.contains("<a href=\"evidence/a%20b%22%3Cc%3E.json\">a b&quot;&lt;c&gt;.json</a>"));
        assertTrue(html.contains("<code>javascript:alert(4)</code>"));
        assertTrue(html.contains("<code>/etc/</code> <code>passwd</code>"));
        assertTrue(html.contains("<code>../</code> <code>outside.json</code>"));
    }

    @Test
    void loads_nothing_from_outside_and_runs_nothing() {
        String html = AccessReportHtml.render(SampleReports.demo());

        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("src="));
        assertFalse(html.contains("http://") || html.contains("https://"));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"));
        assertTrue(html.contains("src:url(data:font/ttf;base64,AAEAAA"), "the Khmer font is inside the page");
        assertEquals(1, count(html, "url\\("), "and nothing else is fetched by the style");
    }

    @Test
    void says_plainly_in_both_languages_that_no_access_was_recorded() {
        String html = AccessReportHtml.render(SampleReports.empty());

        assertEquals(0, count(html, "<tr class=\"access\">"));
        assertFalse(html.contains("<table>"), "no empty table");
        assertTrue(html.contains("<p class=\"empty\"><span lang=\"km\">" + ReportWording.NO_ACCESS.km()
                + "</span> <span lang=\"en\">" + ReportWording.NO_ACCESS.en() + "</span></p>"));
        assertTrue(html.contains(ReportWording.ALL_ANSWERED.en()));
    }

    @Test
    void prints_a_dash_for_what_a_node_left_out() {
        String html = AccessReportHtml.render(SampleReports.sparse());

        assertEquals(1, count(html, "<tr class=\"access\">"));
        assertTrue(html.contains("KH/GOV/NEW/Жук/évaluation±😀"));
        assertTrue(html.contains("<span lang=\"km\">—</span> <span lang=\"en\">—</span> <code>KH/GOV/NEW</code>"));
        assertTrue(count(html, "<td>—</td>") >= 2, "no purpose, no evidence");
    }
}
