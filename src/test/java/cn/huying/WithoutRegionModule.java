package cn.huying;

import cn.huying.identity.RegionPathLookup;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For the module tests whose context holds identity but not region (identity itself and the modules that do not
 * depend on region: calendar, finance, projects). Identity needs its SPI {@link RegionPathLookup}, which only the
 * region module implements, so such a context cannot start without a stand-in. This one knows no region: a user
 * without a scope region sees everything, as in production; one with a scope region would see nothing (no such
 * user is made by these tests). Import it with {@code @Import(WithoutRegionModule.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WithoutRegionModule {

    @Bean
    RegionPathLookup noRegions() {
        return regionId -> Optional.empty();
    }
}
