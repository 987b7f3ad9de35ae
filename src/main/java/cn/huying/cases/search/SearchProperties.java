package cn.huying.cases.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code huying.search}.
 *
 * @param enabled        false: no index, the case list searches with SQL LIKE
 * @param indexDir       where the index lives; default {@code ${huying.data-dir}/index/cases}
 * @param temporaryIndex a fresh index in a temporary directory, deleted at stop (tests)
 * @param pollInterval   pause between two looks for changed cases
 * @param overlap        how far before the watermark each look starts (commit delays, clock skew between nodes)
 * @param batchSize      cases read per statement
 * @param commitInterval the longest time changes stay only in memory (a crash redoes them from the database)
 */
@ConfigurationProperties("huying.search")
public record SearchProperties(Boolean enabled, String indexDir, Boolean temporaryIndex, Duration pollInterval,
                               Duration overlap, Integer batchSize, Duration commitInterval) {
    public SearchProperties {
        enabled = enabled == null || enabled;
        temporaryIndex = temporaryIndex != null && temporaryIndex;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        overlap = overlap == null ? Duration.ofSeconds(10) : overlap;
        batchSize = batchSize == null ? 5000 : batchSize;
        commitInterval = commitInterval == null ? Duration.ofSeconds(10) : commitInterval;
    }
}
