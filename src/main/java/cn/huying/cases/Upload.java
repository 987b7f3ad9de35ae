package cn.huying.cases;

/** A file sent with a report or an action: its name as the sender gave it and its bytes. */
public record Upload(String fileName, byte[] bytes) {
}
