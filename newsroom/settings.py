"""Newsroom settings: one module, every difference between environments comes from
environment variables (see `.env.example` for the full list)."""

import logging
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
import structlog
from django.utils.csp import CSP
from js_asset import Script
from whitenoise.compress import Compressor

from newsroom import log_redaction

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# `manage.py check --deploy` flags this default: set DJANGO_SECRET_KEY in production.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="django-insecure-dev-only")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])

INSTALLED_APPS = [
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_prose_editor",
    "taggit",
    "django_tasks_db",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django_structlog",
    "articles",
]

MIDDLEWARE = [
    # First: a stored page answers here, before anything below runs, with the headers
    # they gave it when it was made (articles.cache.pages).
    "articles.cache.pages.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Cross-Origin-Resource-Policy: no other site may load a page as a resource.
    "newsroom.resource_policy.SameOriginResources",
    # Near the top, so that answers made below (a 400 for an unknown host) get it too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Static files answer here, before sessions and the rest: hashed names, compressed,
    # cached for ever (see STORAGES["staticfiles"]).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "articles.idle_sessions.IdleSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in: which device verified this session, and the admin closed to
    # those who must use one and have not (articles.two_factor).
    "django_otp.middleware.OTPMiddleware",
    "articles.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication: every log line of a request names it and its user.
    "django_structlog.middlewares.RequestMiddleware",
    # Versions record who saved them.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Only a 404 is looked up among stories' old addresses.
    "articles.redirects.RedirectFallbackMiddleware",
    # Last, as django-axes asks: answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        # Readers' pages: see articles/templating.py.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "articles.templating.environment",
            "context_processors": ["articles.context_processors.site"],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "articles.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
# A connection is kept for a minute, sparing each request its set-up: on PostgreSQL
# a round trip and a backend process, on SQLite opening the file and reading its
# schema again (6.8 M instructions, an eighth of an article page).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several requests write at once (renditions made on demand, autosave): a
    # transaction takes SQLite's write lock when it starts, waiting up to 20 s for it,
    # instead of failing at once when it first writes after reading.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A Redis that stops answering fails a request within a second instead of holding
    # its worker until the load balancer gives up.
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": 1, "socket_timeout": 1}
    )
# Sessions are in the database by default, which every app server shares; with Redis,
# django.contrib.sessions.backends.cached_db reads them from the cache.
SESSION_ENGINE = env.str(
    "DJANGO_SESSION_ENGINE", default="django.contrib.sessions.backends.db"
)

# Password reset links go out by email (EMAIL_URL: smtp+tls://user:password@host:587;
# the default prints them to the console).
_email = env.email_url("EMAIL_URL", default="consolemail://")
_SMTP_OPTIONS = {
    "host": "EMAIL_HOST",
    "port": "EMAIL_PORT",
    "username": "EMAIL_HOST_USER",
    "password": "EMAIL_HOST_PASSWORD",
    "use_tls": "EMAIL_USE_TLS",
    "use_ssl": "EMAIL_USE_SSL",
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {
            option: _email[name]
            for option, name in _SMTP_OPTIONS.items()
            if name in _email
        }
        if _email["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
        else {},
    }
}
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="newsroom@localhost")

# Staff sessions end after this long without a request (articles.idle_sessions).
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_IDLE_SECONDS", default=4 * 60 * 60)
# However busy, a session ends this long after signing in (articles.idle_sessions).
NEWSROOM_SESSION_MAX_SECONDS = env.int(
    "DJANGO_SESSION_MAX_SECONDS", default=24 * 60 * 60
)

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is locked out for the cool-off time. An
# administrator unlocks it sooner by deleting its row under "Access attempts".
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("NEWSROOM_SIGN_IN_ATTEMPTS", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("NEWSROOM_LOCKOUT_MINUTES", default=15))
# Username and address together: a stranger cannot lock an editor out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner on every command; attempts are still logged
AXES_LOCKOUT_CALLABLE = "articles.admin.sign_in.locked_out"
AXES_CLIENT_IP_CALLABLE = "articles.client_address.client_address"

# Two-factor sign-in (articles.two_factor): apps show the site's name beside the code;
# passkeys are a second step only, after the password.
OTP_TOTP_ISSUER = env.str("NEWSROOM_SITE_NAME", default="Newsroom")
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
OTP_WEBAUTHN_RP_ID_CALLABLE = "articles.two_factor.relying_party_id"
OTP_WEBAUTHN_HELPER_CLASS = "articles.two_factor.PasskeyHelper"
# What PasskeyHelper accepts is the site's own origin (NEWSROOM_SITE_URL's, else the
# request's); this list only satisfies django-otp-webauthn's checks.
_site = urlsplit(env.str("NEWSROOM_SITE_URL", default="") or "http://localhost:8000")
OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"{_site.scheme}://{_site.netloc}"]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env.str("NEWSROOM_LANGUAGE", default="en-gb")
TIME_ZONE = env.str("TIME_ZONE", default="Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# `manage.py collectstatic` (`make serve` runs it) copies static files here under names
# carrying a hash of their content, with gzip and Brotli copies, and WhiteNoise serves
# them cached for ever. Pages name the hashed files, so without DEBUG collect first.
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("NEWSROOM_MEDIA_ROOT", default=BASE_DIR / "media")
# Serve MEDIA_ROOT from the app itself: `make run`, or `make serve` on one machine. In
# production a web server or object storage serves it (README, "Serving in production").
NEWSROOM_SERVE_MEDIA = env.bool("NEWSROOM_SERVE_MEDIA", default=DEBUG)
# How long browsers and CDNs keep a rendition (seconds). Its name never serves other
# bytes, but a picture whose rights expire has its renditions withdrawn.
NEWSROOM_MEDIA_MAX_AGE = env.int("NEWSROOM_MEDIA_MAX_AGE", default=24 * 60 * 60)
# Uploaded originals: never under MEDIA_ROOT, which is public (see articles/storage.py).
NEWSROOM_ORIGINALS_ROOT = env.path(
    "NEWSROOM_ORIGINALS_ROOT", default=BASE_DIR / "originals"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {
        "BACKEND": "articles.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": NEWSROOM_ORIGINALS_ROOT},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Source maps are fetched only by developer tools; compressing them took half of
# `collectstatic`'s time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

# Pictures in S3-compatible object storage (django-storages) once a bucket is named.
# Renditions are public, at plain addresses (NEWSROOM_S3_CUSTOM_DOMAIN: a CDN in front
# of the bucket). Originals stay private under originals/, in a bucket of their own or
# the same one; staff get addresses signed for NEWSROOM_S3_SIGNED_URL_SECONDS. Keys come
# from the standard AWS variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the
# machine's role.
NEWSROOM_S3_BUCKET = env.str("NEWSROOM_S3_BUCKET", default="")
_picture_origins = []  # where pages' pictures come from besides the site (for the CSP)
if NEWSROOM_S3_BUCKET:
    _s3_endpoint = env.str("NEWSROOM_S3_ENDPOINT_URL", default="")
    _s3_domain = env.str("NEWSROOM_S3_CUSTOM_DOMAIN", default="")
    _s3 = {
        "endpoint_url": _s3_endpoint or None,
        "region_name": env.str("NEWSROOM_S3_REGION", default="") or None,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": _s3
        | {
            "bucket_name": NEWSROOM_S3_BUCKET,
            "custom_domain": _s3_domain or None,
            "querystring_auth": False,
            # Empty for a bucket with ACLs turned off, whose policy lets anyone read.
            "default_acl": env.str("NEWSROOM_S3_PUBLIC_ACL", default="public-read")
            or None,
            "object_parameters": {
                "CacheControl": f"public, max-age={NEWSROOM_MEDIA_MAX_AGE}"
            },
        },
    }
    STORAGES["originals"] = {
        "BACKEND": "articles.storage.PrivateS3Storage",
        "OPTIONS": _s3
        | {
            "bucket_name": env.str(
                "NEWSROOM_S3_ORIGINALS_BUCKET", default=NEWSROOM_S3_BUCKET
            ),
            "location": "originals",
            "querystring_expire": env.int(
                "NEWSROOM_S3_SIGNED_URL_SECONDS", default=300
            ),
        },
    }
    if _s3_domain:
        _picture_origins.append(f"https://{_s3_domain}")
    elif _s3_endpoint:  # addresses are <endpoint>/<bucket>/<name>
        _picture_origins.append(f"{_s3_endpoint.rstrip('/')}/{NEWSROOM_S3_BUCKET}/")
    else:
        _picture_origins.append(f"https://{NEWSROOM_S3_BUCKET}.s3.amazonaws.com")

# Renditions are made by a task. The default runs it at once, in the request that
# uploads; production runs `manage.py db_worker` with
# NEWSROOM_TASKS_BACKEND=django_tasks_db.DatabaseBackend.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "NEWSROOM_TASKS_BACKEND",
            default="django.tasks.backends.immediate.ImmediateBackend",
        )
    }
}

# HTTP caches in front of the site, purged by cache tag when a change is saved (see
# articles/cache/purge.py): one Varnish backend for each address in NEWSROOM_VARNISH_URLS,
# and Fastly when given a service. Another CDN's backend goes in this list too.
NEWSROOM_PURGE_BACKENDS = [
    {"BACKEND": "articles.cache.purge.VarnishBackend", "OPTIONS": {"url": url}}
    for url in env.list("NEWSROOM_VARNISH_URLS", default=[])
]
if _fastly_service_id := env.str("NEWSROOM_FASTLY_SERVICE_ID", default=""):
    NEWSROOM_PURGE_BACKENDS.append(
        {
            "BACKEND": "articles.cache.purge.FastlyBackend",
            "OPTIONS": {
                "service_id": _fastly_service_id,
                "token": env.str("NEWSROOM_FASTLY_API_TOKEN"),
            },
        }
    )

# Uploads larger than this are refused by the image form (bytes).
NEWSROOM_MAX_UPLOAD_SIZE = env.int("NEWSROOM_MAX_UPLOAD_SIZE", default=40 * 1024 * 1024)
# Pictures with more pixels than this are refused by their header, before decoding: a
# small file can hold a huge picture, and processing one takes 4 bytes a pixel or more.
# 50 million takes the full frame of most news cameras (8,256 × 5,504 is 45 million);
# raise it for 60-100 megapixel bodies or stitched panoramas.
NEWSROOM_MAX_UPLOAD_PIXELS = env.int("NEWSROOM_MAX_UPLOAD_PIXELS", default=50_000_000)

# Public pages carry no inline script or style, so the policy can stay strict: nothing
# is allowed but what is named. Admin pages' scripts carry a nonce; public pages are
# cached and shared, so theirs are files and no nonce is sent there.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "img-src": [CSP.SELF, "data:", *_picture_origins],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],  # the admin's autosave, pickers and passkeys
    "manifest-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
# No page uses a device or a powerful feature (django-permissions-policy), except
# passkeys, which staff sign in with on the site's own pages.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "fullscreen", "geolocation", "gyroscope", "magnetometer", "microphone",
        "midi", "payment", "picture-in-picture", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking",
    )
} | {"publickey-credentials-create": ["self"], "publickey-credentials-get": ["self"]}  # fmt: skip
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Behind a load balancer that ends TLS: trust its X-Forwarded-Proto header, and name the
# public origins the admin's forms are posted from. Only then is the client's address
# read from X-Forwarded-For (the entry the balancer added), for sign-in throttling and
# the audit log (articles.client_address).
NEWSROOM_BEHIND_PROXY = env.bool("DJANGO_BEHIND_TLS_PROXY", default=False)
# How many proxies in front add to X-Forwarded-For: the load balancer alone (1), or the
# load balancer then Varnish (2).
NEWSROOM_PROXY_COUNT = max(1, env.int("DJANGO_PROXY_COUNT", default=1))
if NEWSROOM_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0)
# Only once every subdomain answers over HTTPS: browsers then refuse plain HTTP to all.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=False
)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)

# The article body editor: django-prose-editor's editor module, started by our own
# preset, which keeps every style in static files (no <style> injected at run time).
DJANGO_PROSE_EDITOR_PRESETS = {
    "newsroom": [
        Script("django_prose_editor/editor.js", type="module"),
        Script("articles/admin/body_editor.js", type="module"),
    ],
}

ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/")

# "harbour" typed on one story and "Harbour" on another are one tag, with one page.
TAGGIT_CASE_INSENSITIVE = True

NEWSROOM_SITE_NAME = env.str("NEWSROOM_SITE_NAME", default="Newsroom")
# Absolute base for links that leave the site (share links, feeds); empty means
# "the host of the current request".
NEWSROOM_SITE_URL = env.str("NEWSROOM_SITE_URL", default="")
# The home page's description for search engines and share cards; empty means
# "The latest news from {NEWSROOM_SITE_NAME}."
NEWSROOM_SITE_DESCRIPTION = env.str("NEWSROOM_SITE_DESCRIPTION", default="")
# The publisher logo in structured data: a static file in a format search engines take
# (PNG, JPEG, WebP), at least 112 pixels each way.
NEWSROOM_PUBLISHER_LOGO = env.str(
    "NEWSROOM_PUBLISHER_LOGO", default="articles/publisher-logo.png"
)
NEWSROOM_PAGE_SIZE = env.int("NEWSROOM_PAGE_SIZE", default=10)  # stories per list page
NEWSROOM_CREDIT_FORMAT = env.str("NEWSROOM_CREDIT_FORMAT", default="{kind} by {credit}")
NEWSROOM_FEATURED_CREDIT_FORMAT = env.str(
    "NEWSROOM_FEATURED_CREDIT_FORMAT", default="Featured {kind} by {credit}"
)
# How long a shared preview link (/preview/<token>/) works, unless revoked sooner.
NEWSROOM_PREVIEW_HOURS = env.int("NEWSROOM_PREVIEW_HOURS", default=48)
# How long readers' pages, feeds and sitemaps are kept by the page cache and HTTP caches
# in front (s-maxage), in seconds; every change refreshes the pages showing it sooner.
# 0 turns the page cache off.
NEWSROOM_PAGE_CACHE_SECONDS = env.int("NEWSROOM_PAGE_CACHE_SECONDS", default=600)

# Logs are JSON lines (structlog, through django-structlog), one event each, with the
# request's id and the signed-in user's id on every line a request writes, and errors
# with their traceback. DJANGO_LOG_FORMAT=console prints them for people instead.
_LOG_CONTEXT = [
    structlog.contextvars.merge_contextvars,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
]
_LOG_FORMAT = env.str("DJANGO_LOG_FORMAT", default="console" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "()": structlog.stdlib.ProcessorFormatter,
            # Lines from the standard library's loggers (Django's, ours) get the same
            # context as structlog's own.
            "foreign_pre_chain": [
                *_LOG_CONTEXT,
                structlog.stdlib.ExtraAdder(),
                structlog.stdlib.PositionalArgumentsFormatter(),
            ],
            "processors": [
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                # Tracebacks as data, without local variables (they hold passwords).
                structlog.processors.ExceptionRenderer(
                    structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
                )
                if _LOG_FORMAT == "json"
                else structlog.processors.format_exc_info,
                structlog.processors.JSONRenderer()
                if _LOG_FORMAT == "json"
                else structlog.dev.ConsoleRenderer(colors=False),
            ],
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "structured"}
    },
    "root": {
        "handlers": ["console"],
        "level": env.str("DJANGO_LOG_LEVEL", default="INFO"),
    },
    "loggers": {
        # Django logs every task's start and end at INFO: one line per upload's renditions.
        "django.tasks": {"level": "WARNING"},
        # django-structlog writes request_finished (and request_failed) for each
        # request that reaches it; a stored page answers before it, unlogged.
        "django.request": {"level": "ERROR"},
    },
}
structlog.configure(
    processors=[
        structlog.stdlib.filter_by_level,
        *_LOG_CONTEXT,
        log_redaction.hide_reset_tokens,
        structlog.stdlib.PositionalArgumentsFormatter(),
        structlog.processors.StackInfoRenderer(),
        structlog.processors.UnicodeDecoder(),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)
DJANGO_STRUCTLOG_STATUS_START_LOG_LEVEL = logging.DEBUG  # request_finished says it all
# No client address on request lines: django-structlog would take it from headers any
# client can set. gunicorn's access log and the audit log (sign-ins) have the real one.
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False
