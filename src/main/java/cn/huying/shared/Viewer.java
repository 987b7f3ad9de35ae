package cn.huying.shared;

/**
 * Who is looking at a page, as far as the shell needs to know: what they may do and which roles they hold.
 * The signed-in user ({@code identity}'s {@code CurrentUser}) is one.
 */
public interface Viewer {

    boolean can(String permission);

    boolean hasRole(String role);
}
