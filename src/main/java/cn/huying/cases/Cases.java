package cn.huying.cases;

import cn.huying.identity.CurrentUser;
import cn.huying.shared.PageResult;
import java.util.List;
import java.util.Optional;

/**
 * The case facade. Every method taking a {@link CurrentUser} enforces that user's permissions and
 * data scope: a case outside the scope is reported as not found.
 */
public interface Cases {

    /**
     * The result of an intake: the case; the nearest duplicate candidates (a few, {@code
     * huying.cases.duplicates.shown-at-intake}) and how many there are in all (at most 50, the case's
     * duplicates list gives them); and whether it is a replay of an earlier request.
     */
    record Submitted(CaseView c, List<DuplicateCandidate> candidates, int candidateCount, boolean replay) {
    }

    /**
     * Takes in a report. Called outside a transaction, it reads and checks, takes the town's number of the
     * day in a statement of its own and writes the case in a transaction; inside the caller's transaction it
     * does all of it there.
     */
    Submitted submit(NewCase report, CurrentUser reporter);

    CaseView get(long id, CurrentUser viewer);

    CaseView getByCode(String code, CurrentUser viewer);

    PageResult<CaseSummary> list(CaseQuery query, CurrentUser viewer);

    /**
     * A person's command on a case, as parsed at the edge ({@link CaseCommand#parse}): checked against the version
     * the actor saw, their permission and scope, and the transition table, then taken by the case in one
     * transaction (the row, its history and its events).
     */
    CaseView act(long id, CaseCommand command, CurrentUser actor);

    List<HistoryView> history(long id, CurrentUser viewer);

    List<DuplicateCandidate> duplicates(long id, CurrentUser viewer);

    /** A case by id without scope checks, for other modules' own work (notifications, channels). */
    Optional<CaseView> find(long id);

    /** The reporter's full name and phone; allowed only within scope and audited as {@code PII_VIEW}. */
    Contact contact(long id, CurrentUser viewer);

    record Contact(String name, String phone) {
    }

    /** The reporter's phone, decrypted, for a system notification (a text message); never shown to a user. */
    Optional<String> notificationPhone(long id);
}
