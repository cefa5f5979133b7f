package kh.gov.spean.cli.dpo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The citizen's report in words, Khmer first and English beside it: every heading, label and sentence the HTML and
 * the PDF renderings print, and how they write a time, a party and a purpose. Both renderings read it, so they say
 * the same thing.
 */
final class ReportWording {

    /** One thing said in both languages. */
    record Bilingual(String km, String en) {
    }

    static final Bilingual TITLE = new Bilingual("អ្នកណាបានចូលមើលទិន្នន័យផ្ទាល់ខ្លួនរបស់អ្នក",
            "Who accessed your personal data");
    static final Bilingual ISSUER = new Bilingual("ការិយាល័យការពារទិន្នន័យ", "Data Protection Office");
    static final Bilingual SUBJECT = new Bilingual("ម្ចាស់ទិន្នន័យ", "Data subject");
    static final Bilingual GENERATED = new Bilingual("ថ្ងៃចេញរបាយការណ៍", "Report assembled");
    static final Bilingual NO_FULL_ID = new Bilingual(
            "របាយការណ៍នេះមិនបង្ហាញលេខអត្តសញ្ញាណពេញរបស់អ្នកទេ គឺបង្ហាញតែខ្ទង់ចុងក្រោយប៉ុណ្ណោះ។",
            "This report never shows your full id number, only its last digits.");

    static final Bilingual ACCESSES = new Bilingual("ការចូលមើលទិន្នន័យ", "Accesses to your data");
    static final Bilingual NO_ACCESS = new Bilingual(
            "មិនមានការចូលមើលទិន្នន័យរបស់អ្នកត្រូវបានកត់ត្រាទុកទេ។",
            "No access to your data was recorded.");
    static final Bilingual NUMBER = new Bilingual("ល.រ", "No.");
    static final Bilingual PAGE = new Bilingual("ទំព័រ", "Page");
    static final Bilingual TIME = new Bilingual("ពេលវេលា", "Time");
    static final Bilingual HELD_BY = new Bilingual("ទិន្នន័យរក្សាដោយ", "Data held by");
    static final Bilingual SERVICE = new Bilingual("សេវា", "Service");
    static final Bilingual REQUESTED_BY = new Bilingual("ស្នើសុំដោយ", "Requested by");
    static final Bilingual SUBSYSTEM = new Bilingual("ប្រព័ន្ធរង", "Subsystem");
    static final Bilingual OFFICIAL = new Bilingual("មន្ត្រី", "Official");
    static final Bilingual CASE = new Bilingual("លេខសំណុំរឿង", "Case number");
    static final Bilingual PURPOSE = new Bilingual("គោលបំណង", "Purpose");
    static final Bilingual LEGAL_BASIS = new Bilingual("មូលដ្ឋានច្បាប់", "Legal basis");
    static final Bilingual OUTCOME = new Bilingual("លទ្ធផល", "Outcome");
    static final Bilingual EVIDENCE = new Bilingual("ភស្តុតាង", "Evidence");
    static final Bilingual ENTRY = new Bilingual("កំណត់ត្រាលេខ", "log entry");
    static final Bilingual CHECKPOINT = new Bilingual("ចំណុចត្រួតពិនិត្យទំហំ", "checkpoint of size");
    /** The table of accesses' columns, in order. */
    static final List<Bilingual> ACCESS_COLUMNS = List.of(NUMBER, TIME, HELD_BY, REQUESTED_BY, OFFICIAL, PURPOSE,
            OUTCOME, EVIDENCE);

    static final Bilingual MEMBERS_ASKED = new Bilingual("ស្ថាប័នដែលត្រូវបានសួរ", "Members asked");
    static final Bilingual UNANSWERED = new Bilingual("ស្ថាប័នដែលមិនបានឆ្លើយ", "Members that did not answer");
    static final Bilingual REASON = new Bilingual("មូលហេតុ", "Reason");
    static final Bilingual ALL_ANSWERED = new Bilingual("ស្ថាប័នទាំងអស់បានឆ្លើយ។", "Every member asked answered.");
    static final Bilingual NONE_ASKED = new Bilingual("គ្មានស្ថាប័នណាត្រូវបានសួរទេ។", "No member was asked.");

    static final Bilingual HOW_TO_CHECK = new Bilingual("របៀបដែលសវនករផ្ទៀងផ្ទាត់បន្ទាត់នីមួយៗ",
            "How an auditor checks each line");
    /** The auditor's commands, the same in both languages: the report's own check first, then the member's log. */
    static final String VERIFY_COMMAND = "spean audit verify --report REPORT-FOLDER --ca FEDERATION-ROOT-CA.pem";
    static final String PROVE_COMMAND = "spean audit prove --log DATA/MEMBER/log --envelope ENVELOPE-ID";
    static final Bilingual HOW_TO_CHECK_TEXT = new Bilingual(
            "បន្ទាត់នីមួយៗគឺជាកំណត់ត្រាមួយនៅក្នុងកំណត់ហេតុសាររបស់ស្ថាប័នដែលរក្សាទិន្នន័យ។ ឯកសារភស្តុតាងរបស់វា "
                    + "(កំណត់ត្រា ភស្តុតាងនៃការរាប់បញ្ចូល RFC 9162 និងចំណុចត្រួតពិនិត្យដែលបានចុះហត្ថលេខា "
                    + "និងបោះត្រាពេលវេលា) នៅក្នុងថតនៃរបាយការណ៍នេះ។ ពាក្យបញ្ជាទីមួយផ្ទៀងផ្ទាត់បន្ទាត់ទាំងអស់ "
                    + "ដោយមិនចាំបាច់ភ្ជាប់បណ្ដាញ ហើយបង្ហាញ OK ឬ FAILED។ ពាក្យបញ្ជាទីពីរ "
                    + "បង្ហាញកំណត់ត្រាដូចគ្នាពីកំណត់ហេតុរបស់ស្ថាប័ន។",
            "Each line is one entry in the message log of the member that holds the data. Its evidence (the entry, its "
                    + "RFC 9162 inclusion proof, the signed, timestamped checkpoint) is in this report's folder. The "
                    + "first command checks every line offline and prints OK or FAILED; the second prints the same "
                    + "entry from the member's log.");

    static final String PHNOM_PENH_LABEL = "Phnom Penh (UTC+7)";
    private static final ZoneId PHNOM_PENH = ZoneId.of("Asia/Phnom_Penh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private ReportWording() {
    }

    /** A time as the citizen lives it, in Phnom Penh. */
    static String phnomPenhTime(Instant time) {
        return DATE_TIME.format(time.atZone(PHNOM_PENH)) + " " + PHNOM_PENH_LABEL;
    }

    /** The same time in UTC, as the logs record it. */
    static String utcTime(Instant time) {
        return DATE_TIME.format(time.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /**
     * Evidence files grouped by the folder they are in, in the order given, so a line's five files read as one folder
     * and five names: folder (with its trailing slash, or empty) to file names.
     */
    static Map<String, List<String>> byFolder(List<String> files) {
        Map<String, List<String>> folders = new LinkedHashMap<>();
        for (String file : files) {
            int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
            folders.computeIfAbsent(file.substring(0, slash + 1), folder -> new ArrayList<>()).add(file.substring(slash + 1));
        }
        return folders;
    }

    /** A value as printed: itself, or a dash where there is none. */
    static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
