//! Django with `django-cors-headers` (`pip install django-cors-headers`).

use super::{common_notes, max_age, quoted, Parts};
use crate::policy::Policy;

pub(super) fn render(p: &Policy) -> Parts {
    let code = format!(
        r#"# settings.py
INSTALLED_APPS = [
    # ...
    "corsheaders",
]

MIDDLEWARE = [
    # First, above CommonMiddleware and every auth middleware: it answers preflights (OPTIONS) itself
    # and adds the headers to every response that passes back through it, error pages included.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ...
]

CORS_ALLOWED_ORIGINS = [{origins}]  # exact origins; never CORS_ALLOW_ALL_ORIGINS or a regex
CORS_URLS_REGEX = r"^{path}.*$"
CORS_ALLOW_METHODS = [{methods}]
CORS_ALLOW_HEADERS = [{headers}]
CORS_EXPOSE_HEADERS = [{expose}]
CORS_ALLOW_CREDENTIALS = {credentials}
CORS_PREFLIGHT_MAX_AGE = {max_age}
"#,
        origins = quoted(&p.origins, '"'),
        path = p.path,
        methods = quoted(&p.methods, '"'),
        headers = quoted(&p.allow_headers, '"'),
        expose = quoted(&p.expose_headers, '"'),
        credentials = if p.allows_credentials() {
            "True"
        } else {
            "False"
        },
        max_age = max_age(p),
    );
    let mut notes = common_notes(p);
    notes.push("django-cors-headers always adds Vary: Origin.".to_owned());
    ("settings.py of the Django project", "python", code, notes)
}
