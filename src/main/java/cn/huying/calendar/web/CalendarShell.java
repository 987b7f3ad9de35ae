package cn.huying.calendar.web;

import cn.huying.calendar.CalendarPermissions;
import cn.huying.shared.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar's administration link (order 850). */
@Configuration(proxyBeanMethods = false)
class CalendarShell {

    @Bean
    NavItem navCalendar() {
        return NavItem.admin("/admin/calendar", "nav.admin.calendar", 850, CalendarPermissions.CALENDAR_EDIT);
    }
}
