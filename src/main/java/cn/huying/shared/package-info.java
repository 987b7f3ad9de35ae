/**
 * Tiny shared kernel: domain errors, page results. Open to every module; nothing else belongs here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.huying.shared;
