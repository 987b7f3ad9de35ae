package cn.huying.cases.search;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case search index of this node and its indexer (settings under {@code huying.search}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfig {

    @Bean
    SearchIndexer searchIndexer(JdbcClient jdbc, SearchProperties props,
                                    @Value("${huying.data-dir:./data}") String dataDir) {
        return new SearchIndexer(jdbc, props, dataDir);
    }
}
