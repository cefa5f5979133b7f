package kh.gov.spean.cli.dlq;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import kh.gov.spean.node.deadletter.DeadLetter;

/** {@code spean dlq list --member M}: every dead letter of the member, oldest first, with its reason. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List a member's dead letters with their reasons.")
public final class DlqListCommand implements Callable<Integer> {

    @Mixin
    DlqOptions options;

    @Override
    public Integer call() {
        List<DeadLetter> letters = DeadLetterTopic.read(options.kafka(), options.memberId());
        System.out.printf("%-36s  %-7s  %-28s  %-20s  %s%n", "id", "kind", "code", "set aside", "service / reason");
        for (DeadLetter letter : letters) {
            System.out.printf("%-36s  %-7s  %-28s  %-20s  %s%n%-36s  %-7s  %-28s  %-20s  %s%n", letter.id(), letter.kind(),
                    letter.code(), letter.deadLetteredAt().toString().substring(0, 19), letter.service(),
                    "", "", "", "", letter.detail());
        }
        System.out.println(letters.size() + " dead letter(s) for " + options.member);
        return 0;
    }
}
