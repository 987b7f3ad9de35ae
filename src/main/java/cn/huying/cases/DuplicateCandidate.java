package cn.huying.cases;

import java.time.Instant;

/**
 * An open case that may be the same matter as a new one 疑似重复件: same category, close by, recent.
 *
 * @param textSimilarity 0…1, share of common character pairs of the two descriptions
 */
public record DuplicateCandidate(long id, String code, String title, CaseState state, String stateLabel,
                                 long distanceMeters, Instant createdAt, double textSimilarity)
        implements java.io.Serializable { // a grid worker's page flashes it: the session is in the database (issue 30)
}
