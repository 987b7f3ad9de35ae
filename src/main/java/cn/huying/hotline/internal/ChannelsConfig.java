package cn.huying.hotline.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({HotlineProperties.class, Open311Properties.class})
class ChannelsConfig {
}
