package cn.huying.region;

/**
 * SPI for modules that keep data bound to regions (cases, residents…): a region that still has
 * such data cannot be deleted. Implementations are found as Spring beans.
 */
public interface RegionUsage {

    /** How many items are bound to exactly this region. */
    long countIn(long regionId);

    /** Message-bundle key of the refusal, with {0} the region name and {1} the count. */
    String refusalMessageKey();
}
