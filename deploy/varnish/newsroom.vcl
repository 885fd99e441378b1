# Varnish in front of the newsroom's app servers (Varnish 7 with varnish-modules' xkey;
# on Debian: apt-get install varnish varnish-modules). See the README's "HTTP cache in
# front" for how to run it. Change the three places marked EDIT for your site.
#
# Varnish caches what the app says may be cached, for as long as it says: s-maxage
# (else max-age) sets the lifetime, stale-while-revalidate the grace during which the
# old copy is served while a new one is fetched. Each cached page keeps the cache tags
# of its `xkey` header; the app purges by tag whenever a change is saved
# (articles/cache/purge.py, NEWSROOM_VARNISH_URLS).
vcl 4.1;

import xkey;

# EDIT: the app server (`make serve`). For several, declare one backend each and
# spread requests over them with vmod_directors' round_robin.
backend app {
    .host = "127.0.0.1";
    .port = "8000";
}

# EDIT: the addresses of the app servers, which send the purges.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    unset req.http.X-Cache;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        } elseif (req.http.xkey-softpurge) {
            set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "Name the tags in an xkey-purge or xkey-softpurge header"));
        }
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }

    # EDIT: "/admin/" is DJANGO_ADMIN_URL. Editors' pages go straight to the app (it
    # never lets them be cached anyway), and so do shared previews of unpublished stories.
    if (req.url ~ "^/admin/" || req.url ~ "^/preview/") {
        return (pass);
    }
    # Signed-in staff see every page fresh from the app.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # No other cookie changes a public page: readers' cookies (the CSRF token, analytics)
    # must not make each of them a page of their own.
    unset req.http.Cookie;
    # Nor do the parameters that only say where a reader came from (fbclid differs at
    # every click on a shared story): the same list as the page cache's
    # (TRACKING_PARAMETERS and utm_* in articles/cache/pages.py).
    if (req.url ~ "[?&](utm_[^=&]*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl)=") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[^=&]*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl)=[^&]*(&|$)", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }
    # Varnish's built-in vcl_recv follows: methods other than GET and HEAD (a POST)
    # and requests with an Authorization header go to the app.
}

sub vcl_backend_response {
    # When the app fails while refreshing a stale page in the background, keep serving
    # the stale copy until its grace runs out, rather than the error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # A response that says nothing about caching is not cached (Varnish would keep it
    # for default_ttl): error pages, a 404 for a story about to be published.
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Varnish's built-in vcl_backend_response follows: no caching of responses with
    # Set-Cookie or Cache-Control private, no-cache or no-store.
}

# X-Cache tells operators (and the tests) how Varnish answered: HIT, HIT-STALE (within
# grace, while a fresh copy is fetched), MISS, or PASS (not cacheable).
sub vcl_hit {
    if (obj.ttl > 0s) {
        set req.http.X-Cache = "HIT";
    } else {
        set req.http.X-Cache = "HIT-STALE";
    }
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.X-Cache;
    # The tags are for Varnish; readers need not see what a page is made of.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
