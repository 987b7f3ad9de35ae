/**
 * Mediation 矛盾纠纷调解 — the town's "334" dispute resolution: organisations at three levels (镇、村、企 三位一体:
 * the town's social-governance service centre 综治中心 with 综治办/司法所/信访办 stationed together 访调融合, a
 * mediation committee 调委会 in every village, the industrial park's mediation room), court staff 人民法庭 and
 * police 派出所 joining across levels 联调; disputes with parties, meetings 调解会, the agreement 调解协议书 as a Word
 * document, performance follow-up, court linkage 诉调对接 and judicial confirmation 司法确认, the 30-day time limit,
 * the ledger 矛盾纠纷台账 and statistics.
 *
 * <p>A dispute always has a case: opened from one (claimed through {@link cn.huying.cases.CaseHandOff}) or
 * directly, which reports its case through {@link cn.huying.cases.Cases} first, so nothing is counted twice.
 * API: {@link cn.huying.mediation.MediationPermissions} and the enums of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mediation",
        allowedDependencies = {"identity", "region", "cases", "shared"})
package cn.huying.mediation;
