//! Spring Boot: one `CorsConfigurationSource`, used by Spring Security or by a `CorsFilter`.

use super::{common_notes, max_age, quoted, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let code = format!(
        r#"package com.example.config;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

@Configuration
public class CorsConfig {{

    @Bean
    CorsConfigurationSource corsConfigurationSource() {{
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of({origins})); // exact origins; never "*" or allowedOriginPatterns
        config.setAllowedMethods(List.of({methods}));
        config.setAllowedHeaders(List.of({headers}));
        config.setExposedHeaders(List.of({expose}));
        config.setAllowCredentials({credentials});
        config.setMaxAge({max_age}L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("{path}**", config);
        return source;
    }}

    // Without Spring Security: run the CORS filter before every other filter, so preflights are
    // answered first and every response (errors included) gets the headers and `Vary: Origin`.
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(CorsConfigurationSource source) {{
        FilterRegistrationBean<CorsFilter> bean = new FilterRegistrationBean<>(new CorsFilter(source));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }}
}}

// With Spring Security, drop the corsFilter bean and enable CORS in the security chain instead; its
// CorsFilter runs before authentication, so preflights need no credentials:
//
//     http.cors(Customizer.withDefaults())
//         .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
"#,
        origins = quoted(&p.origins, '"'),
        methods = quoted(&p.methods, '"'),
        headers = quoted(&p.allow_headers, '"'),
        expose = quoted(&p.expose_headers, '"'),
        credentials = p.allows_credentials(),
        max_age = max_age(p),
        path = p.path,
    );
    let notes = common_notes(p);
    (
        "src/main/java/com/example/config/CorsConfig.java (any @Configuration class)",
        "java",
        code,
        notes,
    )
}
