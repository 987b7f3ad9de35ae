package cn.huying.region.internal;

import cn.huying.region.RegionType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Point-in-grid: an STR-tree of the active grid boundaries (envelope prefilter), then an exact
 * test against prepared polygons. Rebuilt after a local change at once, and after a change on
 * another node within {@link #RECHECK} (a cheap fingerprint query).
 */
@Component
class GridIndex {

    static final Duration RECHECK = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(GridIndex.class);

    record Hit(long id, RegionType type, Long parentId) {
    }

    private record Entry(long id, RegionType type, Long parentId, PreparedGeometry shape, double area) {
    }

    private record Snapshot(STRtree tree, String fingerprint, Instant checkedAt) {
    }

    private final RegionRepository regions;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile boolean dirty = true;

    GridIndex(RegionRepository regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    /** Marks the index stale after a change on this node. */
    void invalidate() {
        dirty = true;
    }

    /** Grids containing the point, smallest first. */
    List<Hit> locate(double lat, double lng) {
        Snapshot s = current();
        Point point = Boundaries.GEOMETRY.createPoint(new Coordinate(lng, lat));
        @SuppressWarnings("unchecked")
        List<Entry> candidates = s.tree().query(new Envelope(lng, lng, lat, lat));
        List<Entry> hits = new ArrayList<>();
        for (Entry e : candidates) {
            if (e.shape().covers(point)) {
                hits.add(e);
            }
        }
        hits.sort(Comparator.comparingDouble(Entry::area));
        return hits.stream().map(e -> new Hit(e.id(), e.type(), e.parentId())).toList();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && !dirty && now.isBefore(s.checkedAt().plus(RECHECK))) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && !dirty && now.isBefore(s.checkedAt().plus(RECHECK))) {
                return s;
            }
            String fingerprint = regions.gridFingerprint();
            if (s != null && !dirty && fingerprint.equals(s.fingerprint())) {
                snapshot = new Snapshot(s.tree(), fingerprint, now);
                return snapshot;
            }
            dirty = false;
            snapshot = build(fingerprint, now);
            return snapshot;
        }
    }

    private Snapshot build(String fingerprint, Instant now) {
        STRtree tree = new STRtree();
        PreparedGeometryFactory prepared = new PreparedGeometryFactory();
        int[] count = {0};
        regions.forEachGridBoundary((id, type, parentId, boundary) -> {
            try {
                Geometry g = Boundaries.read(boundary);
                tree.insert(g.getEnvelopeInternal(), new Entry(id, type, parentId, prepared.create(g), g.getArea()));
                count[0]++;
            } catch (ParseException e) {
                log.warn("Boundary of region {} cannot be read: {}", id, e.getMessage());
            }
        });
        tree.build();
        log.debug("Grid index built with {} grids", count[0]);
        return new Snapshot(tree, fingerprint, now);
    }
}
