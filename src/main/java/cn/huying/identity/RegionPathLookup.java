package cn.huying.identity;

import java.util.Optional;

/**
 * SPI: gives the materialized path ({@code /1/2/3/}) of a region. Implemented by the region
 * module, so identity can turn a user's scope region into a {@link RegionScope} without
 * depending on it.
 */
public interface RegionPathLookup {

    Optional<String> pathOf(long regionId);
}
