package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.CreditCode;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.EnterpriseApproved;
import cn.huying.identity.Enterprises;
import cn.huying.identity.PersonalData;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enterprise registry: registration with its member account, the finance office's decision, look-ups. */
@Service
class EnterpriseService implements Enterprises {

    /** A mainland mobile number, or a landline with its area code (0532-88886666). */
    static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    private final EnterpriseRepository repository;
    private final UserAccounts accounts;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnterpriseService(EnterpriseRepository repository, UserAccounts accounts, CurrentUsers currentUsers, AuditLog audit,
                      PersonalData personalData, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Registered register(Registration r) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String code = r.creditCode() == null ? "" : r.creditCode().replace(" ", "").strip().toUpperCase(Locale.ROOT);
        if (!CreditCode.isValid(code)) {
            errors.add("creditCode", "enterprise.credit-code.invalid", code);
        }
        String name = r.name() == null ? "" : r.name().strip();
        if (name.length() < 4 || name.length() > 100) {
            errors.add("name", "enterprise.name.invalid");
        }
        String contact = r.contactName() == null ? "" : r.contactName().strip();
        if (contact.isEmpty() || contact.length() > 30) {
            errors.add("contactName", "enterprise.contact-name.invalid");
        }
        String phone = r.contactPhone() == null ? "" : r.contactPhone().strip();
        if (!PHONE.matcher(phone).matches()) {
            errors.add("contactPhone", "enterprise.contact-phone.invalid");
        }
        if (!r.consent()) {
            errors.add("consent", "enterprise.consent.required");
        }
        if (r.password() == null || r.password().length() < 8) {
            errors.add("password", "user.password.too-short", 8);
        }
        errors.throwIfAny();
        if (repository.creditCodeTaken(code)) {
            throw DomainException.conflict("enterprise.credit-code.taken", code);
        }
        String username = r.username() == null || r.username().isBlank() ? code : r.username().strip();
        long id = repository.insert(code, name, contact, phone, clock.instant());
        String displayName = name.length() > 60 ? name.substring(0, 60) : name;
        UserAccounts.UserSummary user = accounts.create(new UserAccounts.NewUser(username, displayName, r.password(),
                Set.of(Roles.ENTERPRISE), null, null));
        repository.addMember(id, user.id());
        audit.recordFor(username, "ENTERPRISE_REGISTERED", "enterprise:" + id, code);
        return new Registered(repository.byId(id).orElseThrow().enterprise(), user.id(), user.username());
    }

    @Override
    @Transactional
    public Enterprise approve(long id) {
        Enterprise e = decide(id, Status.APPROVED, null);
        events.publishEvent(new EnterpriseApproved(e.id(), e.creditCode(), e.name()));
        return e;
    }

    @Override
    @Transactional
    public Enterprise reject(long id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw DomainException.invalid("enterprise.reject-reason.required");
        }
        return decide(id, Status.REJECTED, reason.strip());
    }

    private Enterprise decide(long id, Status status, String reason) {
        EnterpriseRepository.Row before = repository.byId(id).orElseThrow(() -> DomainException.notFound("enterprise.not-found", id));
        String by = currentUsers.current().map(u -> u.username()).orElse("system");
        if (!repository.decide(id, status, by, reason, clock.instant())) {
            throw DomainException.conflict("enterprise.not-pending", before.enterprise().name());
        }
        audit.record("ENTERPRISE_" + status.name(), "enterprise:" + id, reason);
        return repository.byId(id).orElseThrow().enterprise();
    }

    @Override
    public Optional<Enterprise> findById(long id) {
        return repository.byId(id).map(EnterpriseRepository.Row::enterprise);
    }

    @Override
    public Optional<Enterprise> findByCreditCode(String creditCode) {
        if (creditCode == null) {
            return Optional.empty();
        }
        return repository.byCreditCode(creditCode.strip().toUpperCase(Locale.ROOT)).map(EnterpriseRepository.Row::enterprise);
    }

    @Override
    public Optional<Enterprise> findByMember(long userId) {
        return repository.byMember(userId).map(EnterpriseRepository.Row::enterprise);
    }

    @Override
    public List<Enterprise> list(Status status) {
        return repository.byStatus(status, false).stream().map(EnterpriseRepository.Row::enterprise).toList();
    }

    @Override
    public List<Enterprise> listPending() {
        return repository.byStatus(Status.PENDING, true).stream().map(EnterpriseRepository.Row::enterprise).toList();
    }

    @Override
    public Contact contact(long id) {
        EnterpriseRepository.Row row = repository.byId(id).orElseThrow(() -> DomainException.notFound("enterprise.not-found", id));
        audit.record("PII_VIEW", "enterprise:" + id, "contact");
        return new Contact(personalData.decrypt(row.contactNameStored()), personalData.decrypt(row.contactPhoneStored()));
    }

    @Override
    public List<Long> members(long id) {
        return repository.members(id);
    }
}
