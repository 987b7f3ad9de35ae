package cn.huying.finance.internal;

import cn.huying.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** 政策资讯 — policy news of the logistics zone, written by the office, public. */
@Service
public class NewsService {

    public record News(long id, String title, String body, Instant publishedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    NewsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public News publish(String title, String body) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw DomainException.invalid("finance.news.title.invalid");
        }
        if (body == null || body.isBlank() || body.length() > 4000) {
            throw DomainException.invalid("finance.news.body.invalid");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO fin_news (title, body, published_at) VALUES (?, ?, ?)")
                .params(title.strip(), body.strip(), NeedRepository.utc(clock.instant())).update(keys, "id");
        return find(keys.getKeyAs(Number.class).longValue());
    }

    public News find(long id) {
        return jdbc.sql("SELECT id, title, body, published_at FROM fin_news WHERE id = ?").param(id)
                .query((rs, n) -> new News(rs.getLong(1), rs.getString(2), rs.getString(3), NeedRepository.instant(rs, "published_at")))
                .optional().orElseThrow(() -> DomainException.notFound("finance.news.not-found", id));
    }

    public List<News> latest(int limit) {
        return jdbc.sql("SELECT id, title, body, published_at FROM fin_news ORDER BY published_at DESC, id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new News(rs.getLong(1), rs.getString(2), rs.getString(3), NeedRepository.instant(rs, "published_at")))
                .list();
    }
}
