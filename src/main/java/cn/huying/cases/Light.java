package cn.huying.cases;

/**
 * The traffic light 红黄绿灯 of a case's time limit. Its name is also the CSS class of the light on the pages and the
 * key suffix of its label ({@code case.page.light.*}).
 */
public enum Light {
    /** Within the limit. */
    GREEN,
    /** 黄灯预警: less than a working day left. */
    YELLOW,
    /** 红灯督办: past the limit. */
    RED,
    /** Off the clock (parked, transferred, claimed by a module). */
    STOPPED,
    /** Finished within the limit. */
    DONE,
    /** Finished after the limit. */
    LATE,
    /** No limit (not registered yet). */
    NONE
}
