package cn.huying.cases.internal;

import cn.huying.cases.CaseCommand;
import cn.huying.cases.CaseQuery;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.DuplicateCandidate;
import cn.huying.cases.HistoryView;
import cn.huying.cases.NewCase;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.PageResult;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case facade {@link Cases}: intake ({@link CaseIntake}), commands ({@link CaseCommands}) and reads
 * ({@link CaseReads}), each in a class of its own.
 */
@Service
public class CasesFacade implements Cases {

    private final CaseIntake intake;
    private final CaseCommands commands;
    private final CaseReads reads;

    CasesFacade(CaseIntake intake, CaseCommands commands, CaseReads reads) {
        this.intake = intake;
        this.commands = commands;
        this.reads = reads;
    }

    @Override
    public Submitted submit(NewCase report, CurrentUser reporter) {
        return intake.submit(report, reporter);
    }

    /** The replay of an earlier intake with the same idempotency key, if there was one. */
    public Optional<Submitted> replay(String idempotencyKey, CurrentUser reporter) {
        return intake.replay(idempotencyKey, reporter);
    }

    @Override
    @Transactional
    public CaseView act(long id, CaseCommand command, CurrentUser actor) {
        return commands.act(id, command, actor);
    }

    @Override
    public CaseView get(long id, CurrentUser viewer) {
        return reads.get(id, viewer);
    }

    @Override
    public CaseView getByCode(String code, CurrentUser viewer) {
        return reads.getByCode(code, viewer);
    }

    @Override
    public PageResult<CaseSummary> list(CaseQuery query, CurrentUser viewer) {
        return reads.list(query, viewer);
    }

    @Override
    public List<HistoryView> history(long id, CurrentUser viewer) {
        return reads.history(id, viewer);
    }

    @Override
    public List<DuplicateCandidate> duplicates(long id, CurrentUser viewer) {
        return reads.duplicates(id, viewer);
    }

    @Override
    public Optional<CaseView> find(long id) {
        return reads.find(id);
    }

    @Override
    public Contact contact(long id, CurrentUser viewer) {
        return reads.contact(id, viewer);
    }

    @Override
    public Optional<String> notificationPhone(long id) {
        return reads.notificationPhone(id);
    }
}
