package cn.huying;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What each module brings on the class path, found without a list to edit: its message bundle
 * {@code i18n/<module>.properties} and its migrations {@code db/migration/<module>/{common,h2,postgresql}}.
 * A new module adds its folders and nothing here (docs/adding-a-module.md).
 */
@Configuration(proxyBeanMethods = false)
class ModuleResources {

    /** Folders of db/migration that are not a module's own: the core migrations' dialect folders. */
    private static final List<String> CORE_FOLDERS = List.of("common", "h2", "postgresql");

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    /** {@code messages} and every bundle under {@code i18n/}, so that a module's texts are found as soon as its file is there. */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(bundles().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /**
     * Flyway reads the core folders and every module's folder; {@code out-of-order} lets a module land with
     * versions in its own range after later core versions were applied.
     */
    @Bean
    FlywayConfigurationCustomizer moduleMigrations() {
        return configuration -> {
            List<String> locations = new ArrayList<>();
            for (var location : configuration.getLocations()) {
                locations.add(location.getDescriptor());
            }
            // Boot resolves {vendor} in spring.flyway.locations before the customizers run, so a module's dialect
            // folder is named here with the vendor itself (a literal "{vendor}" matched no folder)
            String vendor = vendor(configuration.getDataSource());
            for (String module : migrationModules()) {
                locations.add("classpath:db/migration/" + module + "/common");
                locations.add("classpath:db/migration/" + module + "/" + vendor);
            }
            configuration.locations(locations.toArray(String[]::new)).outOfOrder(true);
        };
    }

    /** The database's vendor as Boot names it in {@code {vendor}}: {@code h2}, {@code postgresql}. */
    private static String vendor(javax.sql.DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return org.springframework.boot.jdbc.DatabaseDriver.fromJdbcUrl(c.getMetaData().getURL()).getId();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot tell the database vendor for the modules' migrations", e);
        }
    }

    List<String> bundles() {
        List<String> names = new ArrayList<>(List.of("messages"));
        TreeSet<String> modules = new TreeSet<>();
        for (Resource r : resources("classpath*:i18n/*.properties")) {
            String file = r.getFilename();
            if (file != null && !file.contains("_")) {
                modules.add("i18n/" + file.substring(0, file.length() - ".properties".length()));
            }
        }
        names.addAll(modules);
        return names;
    }

    List<String> migrationModules() {
        TreeSet<String> modules = new TreeSet<>();
        for (Resource r : resources("classpath*:db/migration/*/*/*.sql")) {
            try {
                String[] parts = r.getURL().toString().split("/");
                String module = parts[parts.length - 3];
                if (!CORE_FOLDERS.contains(module)) {
                    modules.add(module);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ArrayList<>(modules);
    }

    private Resource[] resources(String pattern) {
        try {
            return resolver.getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
