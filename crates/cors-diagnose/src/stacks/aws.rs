//! AWS API Gateway, HTTP API: CORS configured on the API, answered by API Gateway.

use super::{common_notes, joined, max_age, Parts};
use crate::policy::Policy;

fn yaml_list(items: &[String], indent: &str) -> String {
    if items.is_empty() {
        return " []".to_owned();
    }
    items
        .iter()
        .map(|i| format!("\n{indent}- \"{i}\""))
        .collect()
}

pub(super) fn render(p: &Policy) -> Parts {
    let indent = "          ";
    let code = format!(
        r#"# template.yaml (AWS SAM)
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      CorsConfiguration:
        # Exact origins; never "*".
        AllowOrigins:{origins}
        AllowMethods:{methods}
        AllowHeaders:{headers}
        ExposeHeaders:{expose}
        AllowCredentials: {credentials}
        MaxAge: {max_age}

# The same with the AWS CLI, for an existing HTTP API:
# aws apigatewayv2 update-api --api-id YOUR_API_ID --cors-configuration \
#   'AllowOrigins={cli_origins},AllowMethods={cli_methods},AllowHeaders={cli_headers},AllowCredentials={credentials},MaxAge={max_age}'
"#,
        origins = yaml_list(&p.origins, indent),
        methods = yaml_list(&p.methods, indent),
        headers = yaml_list(&p.allow_headers, indent),
        expose = yaml_list(&p.expose_headers, indent),
        credentials = p.allows_credentials(),
        max_age = max_age(p),
        cli_origins = joined(&p.origins).replace(", ", ","),
        cli_methods = joined(&p.methods).replace(", ", ","),
        cli_headers = joined(&p.allow_headers).replace(", ", ","),
    );
    let mut notes = common_notes(p);
    notes.push("With CORS configured, the HTTP API answers preflights itself and adds the headers to every integration response, errors included; it ignores CORS headers your Lambda returns.".to_owned());
    notes.push("If a catch-all route (ANY /{proxy+}) has an authorizer, add an OPTIONS /{proxy+} route without one, or preflights are rejected with 401.".to_owned());
    notes.push("REST APIs (v1) differ: enable CORS per resource and add the headers to the DEFAULT_4XX and DEFAULT_5XX gateway responses.".to_owned());
    (
        "template.yaml (AWS SAM) of the API, or the CLI command for an existing HTTP API",
        "yaml",
        code,
        notes,
    )
}
