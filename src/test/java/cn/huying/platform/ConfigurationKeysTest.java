package cn.huying.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every framework key in the platform's configuration files is one that this Spring Boot version reads. Boot 4
 * renamed some keys of Boot 3 and binds the old names no more, so a stale key changes nothing, silently (it happened:
 * {@code spring.dao.exceptiontranslation.enabled}, {@code server.servlet.encoding.*}, {@code server.error.whitelabel.*}).
 * The platform's own {@code huying.*} keys are bound by its {@code @ConfigurationProperties} records.
 */
class ConfigurationKeysTest {

    private static final List<String> FILES = List.of("application.yml", "application-postgres.yml");

    @Test
    void everyFrameworkKeyIsReadByThisSpringBootVersionAndNoneIsDeprecated() throws IOException {
        Map<String, ConfigurationMetadataProperty> known = bootMetadata();
        assertThat(known).as("Spring Boot's property metadata on the class path")
                .containsKeys("server.port", "spring.datasource.url");

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String file : FILES) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                for (String key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                    if (key.startsWith("huying.")) {
                        continue;
                    }
                    checked++;
                    String name = key.replaceAll("\\[\\d+]", "");
                    ConfigurationMetadataProperty property = known.get(name);
                    if (property == null && !underAMap(name, known)) {
                        problems.add(file + ": " + key + " is not a property of this Spring Boot version");
                    } else if (property != null && property.isDeprecated()) {
                        problems.add(file + ": " + key + " is deprecated (" + property.getDeprecation().getLevel()
                                + "), use " + property.getDeprecation().getReplacement());
                    }
                }
            }
        }
        assertThat(checked).as("framework keys read from " + FILES).isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    /** A key inside a map-valued property, e.g. {@code logging.level.org.springframework}. */
    private static boolean underAMap(String name, Map<String, ConfigurationMetadataProperty> known) {
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            ConfigurationMetadataProperty prefix = known.get(name.substring(0, dot));
            if (prefix != null) {
                return prefix.getType() != null && prefix.getType().startsWith("java.util.Map");
            }
        }
        return false;
    }

    private static Map<String, ConfigurationMetadataProperty> bootMetadata() throws IOException {
        ConfigurationMetadataRepositoryJsonBuilder builder = ConfigurationMetadataRepositoryJsonBuilder.create();
        for (Resource json : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (InputStream in = json.getInputStream()) {
                builder.withJsonResource(in, StandardCharsets.UTF_8);
            }
        }
        return builder.build().getAllProperties();
    }
}
