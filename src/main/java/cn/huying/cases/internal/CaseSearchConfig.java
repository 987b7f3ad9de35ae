package cn.huying.cases.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case search index of this node and its indexer (settings under {@code huying.search}). */
@Configuration
@EnableConfigurationProperties(CaseSearchIndexer.SearchProperties.class)
class CaseSearchConfig {

    @Bean
    CaseSearchIndexer caseSearchIndexer(JdbcClient jdbc, CaseSearchIndexer.SearchProperties props,
                                        @Value("${huying.data-dir:./data}") String dataDir) {
        return new CaseSearchIndexer(jdbc, props, dataDir);
    }
}
