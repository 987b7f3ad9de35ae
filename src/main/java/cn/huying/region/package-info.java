/**
 * Regions and grids 区域与网格: the tree 区县 → 镇街 → 村居 → 基础网格 → 基础单元网格 with dedicated
 * grids 专属网格, grid boundaries and point-in-grid lookup, and departments 职能部门.
 *
 * <p>API: {@link cn.huying.region.Regions}, {@link cn.huying.region.Departments}, their views and
 * the SPI {@link cn.huying.region.RegionUsage} that modules holding region-bound data implement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions, grids and departments",
        allowedDependencies = {"identity", "shared"})
package cn.huying.region;
