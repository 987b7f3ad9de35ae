package cn.huying.residents;

import cn.huying.identity.CurrentUser;
import java.util.List;

/** Excel import of the registry (all or nothing per file, per-row report) and its template. */
public interface ResidentImports {

    /** The template's columns, in order: one row per person, the house by building, unit, room and grid code. */
    List<String> COLUMNS = List.of("楼栋地址", "单元", "房号", "网格编码", "房屋用途", "姓名", "公民身份号码", "联系电话",
            "人员类别", "与户主关系", "迁入日期", "居住登记有效期", "关爱标签");


    /** Starts checking and storing a file; answers the job at once (state RUNNING). */
    ImportJob start(String fileName, byte[] bytes, CurrentUser actor);

    /** An import job of the user who started it. */
    ImportJob job(long id, CurrentUser viewer);

    /** The empty template with the columns the import expects. */
    byte[] template();
}
