package cn.huying.residents;

import cn.huying.identity.CurrentUser;

/** Excel import of the registry (all or nothing per file, per-row report) and its template. */
public interface ResidentImports {

    /** Starts checking and storing a file; answers the job at once (state RUNNING). */
    ImportJob start(String fileName, byte[] bytes, CurrentUser actor);

    /** An import job of the user who started it. */
    ImportJob job(long id, CurrentUser viewer);

    /** The empty template with the columns the import expects. */
    byte[] template();
}
