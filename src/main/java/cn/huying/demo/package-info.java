/**
 * The demo town 木石镇 (滕州市): region tree with 45 basic grids, 132 unit grids and 63 dedicated
 * grids (the seed's figures) on a synthetic map, its departments and one user per role.
 * Loaded at start when {@code huying.demo=true} and the region table is empty.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo town",
        allowedDependencies = {"identity", "region", "shared"})
package cn.huying.demo;
