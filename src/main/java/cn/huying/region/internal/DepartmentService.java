package cn.huying.region.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.RegionScope;
import cn.huying.region.DepartmentKind;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.shared.DomainException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Departments 职能部门: visible in the regions of a scope and the regions above it. */
@Service
class DepartmentService implements Departments {

    private static final String SELECT = """
            SELECT d.id, d.code, d.name, d.kind, d.region_id, r.name AS region_name, r.path AS region_path, d.phone,
                   d.retired
            FROM department d JOIN region r ON r.id = d.region_id""";

    private record Row(DepartmentView view, String regionPath) {
    }

    private final JdbcClient jdbc;
    private final RegionRepository regions;
    private final AuditLog audit;
    private final Clock clock;

    DepartmentService(JdbcClient jdbc, RegionRepository regions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("kind");
        return new Row(new DepartmentView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                kind == null ? DepartmentKind.OTHER : DepartmentKind.valueOf(kind), rs.getLong("region_id"),
                rs.getString("region_name"), rs.getString("phone"), rs.getBoolean("retired")),
                rs.getString("region_path"));
    }

    /** Inside the scope, or on the path above it (a county bureau serves the towns under it). */
    private static boolean visible(String regionPath, RegionScope scope) {
        return scope.covers(regionPath) || scope.pathPrefix().startsWith(regionPath);
    }

    /** A department as stored, without its region's name and path (those come from the region cache). */
    private record Base(long id, String code, String name, DepartmentKind kind, long regionId, String phone,
                        boolean retired) {
    }

    /**
     * Departments by id: every dispatch and every case view reads one. Emptied by each write here,
     * again when its transaction ends, and otherwise kept {@link RegionRepository#ROW_TTL} (another node's
     * change shows within that time). The region's name and path are read from the region row cache,
     * which region writes empty.
     */
    private final Cache<Long, Optional<Base>> bases = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(RegionRepository.ROW_TTL).build();

    private void changed() {
        bases.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    bases.invalidateAll();
                }
            });
        }
    }

    private Optional<Row> row(long id) {
        return bases.get(id, k -> jdbc.sql("SELECT id, code, name, kind, region_id, phone, retired FROM department WHERE id = ?")
                        .param(k)
                        .query((rs, n) -> {
                            String kind = rs.getString("kind");
                            return new Base(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                                    kind == null ? DepartmentKind.OTHER : DepartmentKind.valueOf(kind),
                                    rs.getLong("region_id"), rs.getString("phone"), rs.getBoolean("retired"));
                        }).optional())
                .flatMap(b -> regions.find(b.regionId()).map(r -> new Row(new DepartmentView(b.id(), b.code(), b.name(),
                        b.kind(), b.regionId(), r.name(), b.phone(), b.retired()), r.path())));
    }

    @Override
    public Optional<DepartmentView> find(long id) {
        return row(id).map(Row::view);
    }

    @Override
    public Optional<DepartmentView> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE d.code = ?").param(code).query(DepartmentService::map).optional()
                .map(Row::view);
    }

    @Override
    public DepartmentView get(long id, RegionScope scope) {
        return visibleRow(id, scope).view();
    }

    private Row visibleRow(long id, RegionScope scope) {
        Row row = row(id).orElseThrow(() -> DomainException.notFound("department.not-found", id));
        if (!visible(row.regionPath(), scope)) {
            audit.record(RegionService.SCOPE_DENIED, "department:" + id, "outside scope " + scope.pathPrefix());
            throw DomainException.notFound("department.not-found", id);
        }
        return row;
    }

    /** Departments the scope may edit: strictly inside it. */
    private Row editableRow(long id, RegionScope scope) {
        Row row = visibleRow(id, scope);
        if (!scope.covers(row.regionPath())) {
            throw DomainException.forbidden("department.outside-scope", row.view().name());
        }
        return row;
    }

    @Override
    public List<DepartmentView> list(RegionScope scope, Long regionId, DepartmentKind kind, boolean includeRetired) {
        StringBuilder where = new StringBuilder(" WHERE (r.path LIKE ? OR ? LIKE r.path || '%')");
        List<Object> params = new ArrayList<>();
        params.add(scope.likePattern());
        params.add(scope.pathPrefix());
        if (regionId != null) {
            where.append(" AND d.region_id = ?");
            params.add(regionId);
        }
        if (kind != null) {
            where.append(" AND d.kind = ?");
            params.add(kind.name());
        }
        if (!includeRetired) {
            where.append(" AND d.retired = FALSE");
        }
        return jdbc.sql(SELECT + where + " ORDER BY r.path, d.code").params(params).query(DepartmentService::map)
                .list().stream().map(Row::view).toList();
    }

    @Override
    @Transactional
    public DepartmentView create(NewDepartment d, RegionScope scope) {
        if (d.code() == null || !d.code().strip().matches("[A-Za-z0-9_-]{1,40}")) {
            throw DomainException.invalid("department.code.invalid");
        }
        String name = checkName(d.name());
        if (d.regionId() == null) {
            throw DomainException.invalid("department.region.required");
        }
        RegionRow region = regionInScope(d.regionId(), scope);
        String code = d.code().strip();
        if (jdbc.sql("SELECT COUNT(*) FROM department WHERE code = ?").param(code).query(Long.class).single() > 0) {
            throw DomainException.conflict("department.code.duplicate", code);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        try {
            changed();
            jdbc.sql("""
                    INSERT INTO department (code, name, kind, region_id, phone, retired, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, FALSE, 0, ?, ?)""")
                    .params(code, name, (d.kind() == null ? DepartmentKind.OTHER : d.kind()).name(), region.id(),
                            d.phone(), now, now)
                    .update(keys, "id");
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict("department.code.duplicate", code);
        }
        long id = keys.getKey().longValue();
        audit.record("DEPARTMENT_CREATED", "department:" + id, code + " " + name);
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public DepartmentView update(long id, DepartmentChange change, RegionScope scope) {
        DepartmentView current = editableRow(id, scope).view();
        String name = change.name() == null ? current.name() : checkName(change.name());
        DepartmentKind kind = change.kind() == null ? current.kind() : change.kind();
        String phone = change.phone() == null ? current.phone() : change.phone();
        changed();
        jdbc.sql("UPDATE department SET name = ?, kind = ?, phone = ?, version = version + 1, updated_at = ? WHERE id = ?")
                .params(name, kind.name(), phone, clock.instant().atOffset(ZoneOffset.UTC), id).update();
        audit.record("DEPARTMENT_UPDATED", "department:" + id, name);
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public DepartmentView move(long id, long regionId, RegionScope scope) {
        editableRow(id, scope);
        RegionRow region = regionInScope(regionId, scope);
        changed();
        jdbc.sql("UPDATE department SET region_id = ?, version = version + 1, updated_at = ? WHERE id = ?")
                .params(region.id(), clock.instant().atOffset(ZoneOffset.UTC), id).update();
        audit.record("DEPARTMENT_MOVED", "department:" + id, "to region " + regionId);
        return find(id).orElseThrow();
    }

    @Override
    @Transactional
    public DepartmentView retire(long id, RegionScope scope) {
        editableRow(id, scope);
        changed();
        jdbc.sql("UPDATE department SET retired = TRUE, version = version + 1, updated_at = ? WHERE id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
        audit.record("DEPARTMENT_RETIRED", "department:" + id, null);
        return find(id).orElseThrow();
    }

    private RegionRow regionInScope(long regionId, RegionScope scope) {
        RegionRow region = regions.find(regionId)
                .filter(r -> scope.covers(r.path()))
                .orElseThrow(() -> DomainException.notFound("region.not-found", regionId));
        if (region.retired()) {
            throw DomainException.invalid("region.parent.retired", region.name());
        }
        return region;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw DomainException.invalid("department.name.invalid");
        }
        return name.strip();
    }
}
