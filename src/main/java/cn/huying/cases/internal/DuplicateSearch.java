package cn.huying.cases.internal;

import cn.huying.cases.DuplicateCandidate;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The duplicate search 重复件识别 of the intake and of the case page: open cases of the same category near a point,
 * nearest first, with their text likeness ({@link DuplicatePolicy}).
 */
@Component
class DuplicateSearch {

    private final CaseQueries queries;
    private final DuplicatePolicy duplicates;
    private final CurrentUsers currentUsers;

    DuplicateSearch(CaseQueries queries, DuplicatePolicy duplicates, CurrentUsers currentUsers) {
        this.queries = queries;
        this.duplicates = duplicates;
        this.currentUsers = currentUsers;
    }

    DuplicatePolicy policy() {
        return duplicates;
    }

    Candidates candidatesFor(long categoryId, Double lat, Double lng, String description, Long excludeId,
                                     CurrentUser viewer, Instant at, int shown) {
        CaseQueries.Box box = boxAround(categoryId, lat, lng, excludeId);
        return box == null ? Candidates.NONE : candidates(queries.nearby(box, at.minus(duplicates.window()),
                CaseScope.of(viewer, currentUsers.scopeOf(viewer))), lat, lng, description, shown);
    }

    /** The duplicate search's box around a point ({@link CaseQueries#box}); null without a point. */
    CaseQueries.Box boxAround(long categoryId, Double lat, Double lng, Long excludeId) {
        if (lat == null || lng == null) {
            return null;
        }
        return CaseQueries.box(categoryId, lat - duplicates.latDelta(), lat + duplicates.latDelta(),
                lng - duplicates.lngDelta(lat), lng + duplicates.lngDelta(lat), excludeId);
    }

    /** The duplicate candidates of a point: the {@code nearest} first ones and how many there are in all. */
    record Candidates(List<DuplicateCandidate> nearest, int count) {

        static final Candidates NONE = new Candidates(List.of(), 0);
    }

    /**
     * Of the open cases near a point, those near enough to be duplicates, nearest first: the first {@code shown}
     * with their text likeness (the answer to a report carries five; the likeness is worked out for those only),
     * and how many there are.
     */
    Candidates candidates(List<CaseQueries.Nearby> nearby, double lat, double lng, String description,
                                  int shown) {
        record Near(CaseQueries.Nearby n, long meters) {
        }
        List<Near> near = new ArrayList<>(nearby.size());
        for (CaseQueries.Nearby n : nearby) {
            double m = DuplicatePolicy.distance(lat, lng, n.lat(), n.lng());
            if (duplicates.near(m)) {
                near.add(new Near(n, Math.round(m)));
            }
        }
        // nearest first; of two as near, the newer first (the order the search gives: the sort is stable)
        near.sort(Comparator.comparingLong(Near::meters));
        int[] mine = DuplicatePolicy.bigrams(description);
        List<DuplicateCandidate> out = new ArrayList<>(Math.min(shown, near.size()));
        for (Near x : near.subList(0, Math.min(shown, near.size()))) {
            CaseQueries.Nearby n = x.n();
            out.add(new DuplicateCandidate(n.id(), n.code(), n.title(), n.state(), n.state().label(), x.meters(),
                    n.createdAt(), DuplicatePolicy.textSimilarity(mine, n.description())));
        }
        return new Candidates(out, near.size());
    }
}
