package cn.huying.patrol.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The phone pages' service worker, served without login under /public/ and allowed to control /m/ (the
 * {@code Service-Worker-Allowed} header), so that the pages open without signal.
 */
@Controller
class GridAppController {

    private static final Resource WORKER = new ClassPathResource("gridwork/sw.js");

    @GetMapping("/public/grid-sw.js")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .header("Service-Worker-Allowed", "/m/").cacheControl(CacheControl.noCache()).body(WORKER);
    }
}
