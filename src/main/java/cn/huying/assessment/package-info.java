/**
 * Assessment 考核: the standard rates of case handling (结案率, 按期结案率, 处置率, 返工率, 及时派遣率, 回退率, 延期率,
 * 满意率, 响应率 and the shares resolved within grid, village and town), the grid workers' monthly scores from
 * versioned, weighted outcome indicators mapped to a pay grade, the villages' year-end target sheets with
 * 诉源治理实效 and the 平安村居 / 平安网格 checklists, and the "三下降一提升" figures.
 *
 * <p>Reads cases only through their published read model {@code case_facts_v} (docs/cases.md); regions and users
 * through their modules' APIs. API: {@link cn.huying.assessment.Rates}, {@link cn.huying.assessment.GridScores},
 * {@link cn.huying.assessment.VillageAssessment}, the records of this package and {@link AssessmentPermissions}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment",
        allowedDependencies = {"identity", "region", "shared"})
package cn.huying.assessment;
