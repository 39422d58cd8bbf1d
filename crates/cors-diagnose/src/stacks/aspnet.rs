//! ASP.NET Core: `AddCors` with a named policy, `UseCors` between routing and authentication.

use super::{common_notes, max_age, quoted, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let mut policy = format!(
        "        .WithOrigins({origins}) // exact origins; never AllowAnyOrigin or SetIsOriginAllowed(_ => true)\n        .WithMethods({methods})\n        .WithHeaders({headers})",
        origins = quoted(&p.origins, '"'),
        methods = quoted(&p.methods, '"'),
        headers = quoted(&p.allow_headers, '"'),
    );
    if !p.expose_headers.is_empty() {
        policy.push_str(&format!(
            "\n        .WithExposedHeaders({})",
            quoted(&p.expose_headers, '"')
        ));
    }
    if p.allows_credentials() {
        policy.push_str("\n        .AllowCredentials()");
    }
    policy.push_str(&format!(
        "\n        .SetPreflightMaxAge(TimeSpan.FromSeconds({}))",
        max_age(p)
    ));
    let code = format!(
        r#"// Program.cs
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCors(options =>
{{
    options.AddPolicy("ApiCors", policy => policy
{policy});
}});

var app = builder.Build();

// The exception handler re-runs the pipeline below it for the error page, so error responses pass
// through UseCors too and keep their CORS headers.
app.UseExceptionHandler("/error");
app.UseRouting();
// After UseRouting, before UseAuthentication: preflights (OPTIONS) are answered before auth runs.
app.UseCors("ApiCors");
app.UseAuthentication();
app.UseAuthorization();

app.MapControllers();
app.Map("/error", () => Results.Problem());
app.Run();
"#
    );
    let notes = common_notes(p);
    ("Program.cs", "csharp", code, notes)
}
