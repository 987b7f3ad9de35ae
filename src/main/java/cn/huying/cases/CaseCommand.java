package cn.huying.cases;

import cn.huying.shared.InvalidInput;
import java.util.List;

/**
 * A person's command on a case 事件操作: one record per {@link CaseAction}, each with the fields that action needs.
 * The API and the pages parse what was sent into a command once ({@link #parse}); {@link Cases#act} takes the
 * command to the case.
 *
 * <p>The family is sealed: its members are the records below and nothing else. It is handled through a
 * {@link Handler}, which has one method per record; the dispatcher implements it. A new command is a new record
 * here and a new method of {@link Handler}, and the dispatcher does not compile until it handles it (Java 17 has no
 * pattern {@code switch} outside preview, so the exhaustive dispatch over the sealed family is the handler;
 * {@link #parse} and {@link #action} are {@code switch} expressions over {@link CaseAction} without a default, so a
 * new action without its command does not compile either). {@code CaseCommandExhaustivenessTest} shows both.
 *
 * <p>{@code version} is the version of the case the actor saw: if a person changed the case since, the command is
 * refused with 409 and the current state.
 */
public sealed interface CaseCommand {

    /** The version of the case the actor saw. */
    long version();

    /** Files sent with the command (photos of the work done); most commands take none. */
    default List<Upload> attachments() {
        return List.of();
    }

    /** The action this command takes, for permissions, labels and the transition table. */
    default CaseAction action() {
        return accept(ACTION);
    }

    /** Hands this command to the handler's method for its record. */
    <R> R accept(Handler<R> handler);

    /** One method per command: what a dispatcher must handle. */
    interface Handler<R> {
        R resolveOnSpot(ResolveOnSpot c);

        R escalate(Escalate c);

        R register(Register c);

        R reject(Reject c);

        R dispatch(Dispatch c);

        R accept(Accept c);

        R returnToDispatcher(Return c);

        R resolve(Resolve c);

        R verify(Verify c);

        R close(Close c);

        R reopen(Reopen c);

        R merge(Merge c);

        R transfer(Transfer c);

        R park(Park c);

        R resume(Resume c);

        R revisit(Revisit c);
    }

    /** 即办: the grid worker settles it on the spot, with the reply. */
    record ResolveOnSpot(long version, String reply, List<Upload> attachments) implements CaseCommand {
        public ResolveOnSpot {
            attachments = List.copyOf(attachments);
        }

        public <R> R accept(Handler<R> h) {
            return h.resolveOnSpot(this);
        }
    }

    /** 升级 to the next tier, with the reason. */
    record Escalate(long version, String reason, List<Upload> attachments) implements CaseCommand {
        public Escalate {
            attachments = List.copyOf(attachments);
        }

        public <R> R accept(Handler<R> h) {
            return h.escalate(this);
        }
    }

    /** 立案受理 by the town command centre. */
    record Register(long version, String note) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.register(this);
        }
    }

    /** 不予受理, with the reason the reporter is told. */
    record Reject(long version, String reason) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.reject(this);
        }
    }

    /** 派遣 to a department, optionally to a named handler of it. */
    record Dispatch(long version, long departmentId, Long handlerId, String note) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.dispatch(this);
        }
    }

    /** 签收 by a handler of the department. */
    record Accept(long version, String note) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.accept(this);
        }
    }

    /** 回退: out of the department's scope, with the reason. */
    record Return(long version, String reason) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.returnToDispatcher(this);
        }
    }

    /** 办理答复, with the reply. */
    record Resolve(long version, String reply, List<Upload> attachments) implements CaseCommand {
        public Resolve {
            attachments = List.copyOf(attachments);
        }

        public <R> R accept(Handler<R> h) {
            return h.resolve(this);
        }
    }

    /** 核查 */
    record Verify(long version, String note, List<Upload> attachments) implements CaseCommand {
        public Verify {
            attachments = List.copyOf(attachments);
        }

        public <R> R accept(Handler<R> h) {
            return h.verify(this);
        }
    }

    /** 结案 */
    record Close(long version, String note) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.close(this);
        }
    }

    /** 重办: verification failed, with the reason. */
    record Reopen(long version, String reason) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.reopen(this);
        }
    }

    /** 合并: a duplicate follows the lead case. */
    record Merge(long version, long leadCaseId, String note) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.merge(this);
        }
    }

    /** 移送 to the competent body 移送单位, with the reason. */
    record Transfer(long version, String reason, String receivingBody) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.transfer(this);
        }
    }

    /** 挂账, with the reason. */
    record Park(long version, String reason) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.park(this);
        }
    }

    /** 恢复办理 of a parked case. */
    record Resume(long version, String note) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.resume(this);
        }
    }

    /** 回访评价: the citizen's rating and comment. */
    record Revisit(long version, Satisfaction satisfaction, String comment) implements CaseCommand {
        public <R> R accept(Handler<R> h) {
            return h.revisit(this);
        }
    }

    /**
     * The command an edge received: the action named in the path and the fields sent. A missing version, department
     * (dispatch) or lead case (merge) is refused here with a field error; notes and ratings are checked by the case.
     */
    static CaseCommand parse(CaseAction action, ActionRequest r) {
        if (r.version() == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("version", "case.version.required",
                    new Object[0])));
        }
        long v = r.version();
        String note = r.note();
        return switch (action) {
            case RESOLVE_ON_SPOT -> new ResolveOnSpot(v, note, r.attachments());
            case ESCALATE -> new Escalate(v, note, r.attachments());
            case REGISTER -> new Register(v, note);
            case REJECT -> new Reject(v, note);
            case DISPATCH -> {
                if (r.departmentId() == null) {
                    throw new InvalidInput(List.of(new InvalidInput.FieldError("departmentId",
                            "case.dispatch.department-required", new Object[0])));
                }
                yield new Dispatch(v, r.departmentId(), r.handlerId(), note);
            }
            case ACCEPT -> new Accept(v, note);
            case RETURN -> new Return(v, note);
            case RESOLVE -> new Resolve(v, note, r.attachments());
            case VERIFY -> new Verify(v, note, r.attachments());
            case CLOSE -> new Close(v, note);
            case REOPEN -> new Reopen(v, note);
            case MERGE -> {
                if (r.leadCaseId() == null) {
                    throw new InvalidInput(List.of(new InvalidInput.FieldError("leadCaseId", "case.merge.lead-required",
                            new Object[0])));
                }
                yield new Merge(v, r.leadCaseId(), note);
            }
            case TRANSFER -> new Transfer(v, note, r.receivingBody());
            case PARK -> new Park(v, note);
            case RESUME -> new Resume(v, note);
            case REVISIT -> new Revisit(v, r.satisfaction(), note);
        };
    }

    /** Each record's action. */
    Handler<CaseAction> ACTION = new Handler<>() {
        public CaseAction resolveOnSpot(ResolveOnSpot c) { return CaseAction.RESOLVE_ON_SPOT; }
        public CaseAction escalate(Escalate c) { return CaseAction.ESCALATE; }
        public CaseAction register(Register c) { return CaseAction.REGISTER; }
        public CaseAction reject(Reject c) { return CaseAction.REJECT; }
        public CaseAction dispatch(Dispatch c) { return CaseAction.DISPATCH; }
        public CaseAction accept(Accept c) { return CaseAction.ACCEPT; }
        public CaseAction returnToDispatcher(Return c) { return CaseAction.RETURN; }
        public CaseAction resolve(Resolve c) { return CaseAction.RESOLVE; }
        public CaseAction verify(Verify c) { return CaseAction.VERIFY; }
        public CaseAction close(Close c) { return CaseAction.CLOSE; }
        public CaseAction reopen(Reopen c) { return CaseAction.REOPEN; }
        public CaseAction merge(Merge c) { return CaseAction.MERGE; }
        public CaseAction transfer(Transfer c) { return CaseAction.TRANSFER; }
        public CaseAction park(Park c) { return CaseAction.PARK; }
        public CaseAction resume(Resume c) { return CaseAction.RESUME; }
        public CaseAction revisit(Revisit c) { return CaseAction.REVISIT; }
    };
}
