/**
 * Analytics 报表与研判: the weekly report 《…民生服务工作周报》 as a Word document (generated every Monday for the week
 * before and on demand, kept and downloadable), the case ledgers 台账 exported to Excel with the filters on screen,
 * period statistics, the high-frequency common issues 高频共性问题 found with Lucene's smartcn analyzer, and the
 * leader's dashboard. Reads cases only through their published read model {@code case_facts_v}; the rates come from
 * {@code assessment}. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
        allowedDependencies = {"assessment", "cases", "identity", "region", "shared"})
package cn.huying.analytics;
