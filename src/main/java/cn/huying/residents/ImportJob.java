package cn.huying.residents;

import java.time.Instant;
import java.util.List;

/**
 * An Excel import 导入 of the registry: checked row by row, then stored all at once or not at all.
 *
 * @param state    RUNNING, DONE (every row stored), REFUSED (nothing stored: {@code refusals} says why), FAILED
 *                 (the file could not be read: {@code refusals} holds the one reason)
 * @param refusals Chinese lines, one per refused row ("第 5 行：公民身份号码校验位不正确")
 */
public record ImportJob(long id, String fileName, String state, int totalRows, int checkedRows, int imported,
                        List<String> refusals, Instant createdAt, Instant finishedAt) {

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
