package oauthredirect

import "github.com/authvet/authvet/internal/finding"

// Rules is the metadata of every rule oauthredirect reports.
var Rules = []finding.Rule{
	{
		ID:    "oauthredirect/open",
		Short: "redirect after login to a url the request chose",
		Full: "A login handler or OAuth callback redirects (http.Redirect, a Location header, gin, echo or fiber Redirect) to a URL taken from the request " +
			"(a next, redirect_uri, return_to or continue parameter, a field of the JSON or form body bound to a struct, the Referer, a cookie or session entry filled from one) without an allow-list or same-origin check. " +
			"An attacker's link then ends a real login on the attacker's site, a phishing page that looks like the next step, or a page that collects the code or token from the URL.",
		Help: "Accept only paths on this site, or hosts from a configured list.\n\n" +
			"**Bad**\n\n```go\nfunc callback(w http.ResponseWriter, r *http.Request) {\n\ttok, err := conf.Exchange(r.Context(), r.URL.Query().Get(\"code\"))\n\t// … start the session …\n\thttp.Redirect(w, r, r.URL.Query().Get(\"next\"), http.StatusFound)\n}\n```\n\n" +
			"**Good**\n\n```go\nnext := r.URL.Query().Get(\"next\")\nif !strings.HasPrefix(next, \"/\") || strings.HasPrefix(next, \"//\") || strings.Contains(next, \"\\\\\") {\n\tnext = \"/\"\n}\nhttp.Redirect(w, r, next, http.StatusFound)\n```\n\n" +
			"or `u, err := url.Parse(next)` and then `u.Host == cfg.Host` (or a lookup in an allow-list map).\n\n" +
			"The destination is followed through assignments, `+`, `fmt.Sprintf`, `url.Parse`, `strings.TrimSpace` and similar, captured variables and helper functions " +
			"(in other packages through facts), and into structs that `encoding/json` decodes from request data (`json.Unmarshal` of a base64-decoded `state` parameter, " +
			"also in a helper that returns the struct). A check counts when the value, or its parsed host, goes through an allow-list lookup (map key, `slices.Contains`, " +
			"a configured prefix), a comparison with a non-empty value, a host comparison (`u.Host`, `u.Hostname()`, or an origin `u.Scheme+\"://\"+u.Host` compared or looked up), " +
			"a signature check (a MAC of the value, computed by a function or written to an `hmac` hash whose `Sum` is compared, with `hmac.Equal` or `subtle.ConstantTimeCompare`), a path-only check that requires `/` " +
			"and rejects `//`, a regexp, or a function (here or in another package) that returns a bool from such a check or returns the URL only after one.\n\n" +
			"Left alone on purpose: redirects outside a login or OAuth callback (a handler counts as one when it exchanges an OAuth2 code, verifies an ID token, " +
			"checks a password, sets a cookie that is not a preference (`lang`, `theme`) or writes a session, issues a JWT, calls the application's own login step (`Authenticate`, `checkPassword`, `createSession`, `ExchangeCode`), or is named or routed like `login`, `logout`, `auth`, `callback`, `authorize` or `consent`; a redirect helper that follows the request's return parameter only when a caller's option such as `ro.FollowRedirParam` says so counts too; plain handlers are out of scope for this rule unless `--oauthredirect.everywhere` is set); " +
			"constant destinations and values built after a fixed prefix such as `\"/app?next=\"+next` or `\"https://app.example.com/\"+p`; the request's own path (`r.URL.Path`); " +
			"escaped values (`url.QueryEscape`); the Host header (a link cannot set it); a return URL kept server-side (in the session); cookies the package fills from a validated value. " +
			"A `/` prefix check alone is not a check (`//evil.example` passes it), nor is rejecting a scheme alone (`strings.Contains(next, \"://\")`, a `http://` prefix, `u.IsAbs()`, a non-empty `u.Scheme`): " +
			"`//evil.example` and `/\\evil.example` have no scheme; it counts together with a check that rejects `//`. Rejecting any host (`u.Host != \"\"`) stops `//evil.example` but not `/\\evil.example`, which has none and which browsers read as `//evil.example`; it counts together with a check that rejects `\\`. No suggested fix: the right allow-list is the application's.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-601"},
		SecuritySeverity: 6.1,
		Precision:        finding.PrecisionHigh,
		CodeFlow:         true,
	},
	{
		ID:    "oauthredirect/dynamic-uri",
		Short: "oauth2 redirect url built from the request",
		Full: "An oauth2.Config's RedirectURL (or a redirect_uri passed with oauth2.SetAuthURLParam) is built from request data: r.Host, X-Forwarded-Host or another header, or a query parameter. " +
			"The authorization server then sends the code wherever the request said, and with a loosely registered redirect URI (a wildcard or prefix match) the code reaches the attacker.",
		Help: "Register one exact redirect URI per environment and take it from configuration.\n\n" +
			"**Bad**\n\n```go\nconf.RedirectURL = \"https://\" + r.Host + \"/oauth/callback\"\n```\n\n" +
			"**Good**\n\n```go\nconf.RedirectURL = os.Getenv(\"OAUTH_REDIRECT_URL\") // https://app.example.com/oauth/callback\n```\n\n" +
			"Left alone on purpose: redirect URLs from configuration, flags, environment variables or constants; a host checked against an allow-list " +
			"(map lookup, comparison with configured hosts) before it is used. No suggested fix: the configured URL is the application's.",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-601"},
		SecuritySeverity: 5.4,
		Precision:        finding.PrecisionHigh,
		CodeFlow:         true,
	},
}
