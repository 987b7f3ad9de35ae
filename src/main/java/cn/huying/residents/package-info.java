/**
 * Housing-based resident registry 以房管人 (沂源县南麻街道): buildings 楼栋 → units 单元 → houses 房屋 placed in
 * their grid → households 户 → persons 人, tenants and the floating population 流动人口, and care tags 关爱标签.
 * Personal data follows the PIPL: ID-card numbers and phones encrypted at rest, masked in lists, the full view
 * in scope and audited, exact look-up by a keyed hash, export and erasure on request.
 *
 * <p>API: {@link cn.huying.residents.Residents} with its records, {@link cn.huying.residents.ResidentPermissions},
 * {@link cn.huying.residents.IdCardNumber}. The houses and people a case concerns are kept here, keyed by the
 * case's id; the house page reads the cases through {@link cn.huying.cases.Cases}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resident registry",
        allowedDependencies = {"identity", "region", "cases", "shared"})
package cn.huying.residents;
