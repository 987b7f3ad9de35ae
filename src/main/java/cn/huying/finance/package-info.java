/**
 * 阳光产融 — the industry–finance platform where logistics SMEs and banks meet: banks (head office → branch →
 * account managers), credit products, financing needs and the banks serving them, the first-contact deadline on
 * the working calendar, the public logistics zone, scenario finance on imported waybills, the bill hall 票据大厅,
 * the risk-compensation and guarantee pools and statistics. Enterprises come from identity's registry
 * ({@link cn.huying.identity.Enterprises}). See docs/finance.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Industry–finance platform",
        allowedDependencies = {"identity", "calendar", "shared"})
package cn.huying.finance;
