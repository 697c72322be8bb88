package credexposure

import "github.com/authvet/authvet/internal/finding"

// Rules is the metadata of every rule credexposure reports. The flagged
// lines name variables, not secrets, so no rule is Sensitive.
var Rules = []finding.Rule{
	{
		ID:    "credexposure/cookie",
		Short: "credential cookie set without Secure or HttpOnly",
		Full: "A cookie whose value is a credential (an OAuth2 access or refresh token, a signed JWT, a session id, an API key) is set with http.SetCookie, " +
			"a Set-Cookie header (an http.Cookie's String or a value written by hand, set through http.Header, gin's Context.Header or fiber's Ctx.Set), echo's or gin's SetCookie or fiber's Ctx.Cookie without Secure (it then also travels over plain HTTP) or without HttpOnly (any script on the page, " +
			"an injected one included, can read it), or with SameSite=None and no Secure. A flag set only in code that never runs " +
			"(inside `if false { cookie.Secure = true }`) is not set.",
		Help: "A credential is stored in a cookie that is sent over plain HTTP or that scripts can read.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"signed, _ := token.SignedString(key)\n" +
			"http.SetCookie(w, &http.Cookie{Name: \"auth\", Value: signed, Path: \"/\"})\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"http.SetCookie(w, &http.Cookie{Name: \"auth\", Value: signed, Path: \"/\", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})\n" +
			"```\n\n" +
			"The cookie is followed from its literal through later field assignments (`c.Secure = true`), helpers of any analyzed package that set its " +
			"flags or build it (read from their bodies: a flag they set on every path counts), and wrappers that set it; the value is followed back to its " +
			"source through assignments, formatting, concatenation and helpers. The suggested fix adds `Secure: true` and `HttpOnly: true` to the literal.\n\n" +
			"**Left alone on purpose**: cookies whose flags are set from configuration or a condition (`Secure: cfg.Secure`, `r.TLS != nil`); cookies handed " +
			"to code that is not understood before they are sent; non-credential cookies (theme, locale, language, flash, consent, redirect target, OAuth " +
			"state) and CSRF double-submit tokens (`csrf`, `XSRF-TOKEN`), which the page's script must read; cookies being deleted (`MaxAge: -1`) or holding " +
			"a literal; and cookies made by session libraries (gorilla/sessions, scs), which set the flags from their options. " +
			"One exception: a package that creates a gorilla/sessions cookie or filesystem store (`sessions.NewCookieStore`) and never sets `HttpOnly` on a " +
			"`sessions.Options` (a literal's key, an assignment), nor gives a store's `Options` a value from elsewhere (`s.Options = cfg.Session`), is " +
			"reported at the store's creation: the library leaves `HttpOnly` off in every version (only `HttpOnly` is judged: `Secure`'s default changed " +
			"between versions).",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-614", "CWE-1004"},
		SecuritySeverity: 6.5,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "credexposure/query",
		Short: "credential put in the query string of an outgoing request",
		Full: "A credential (an API key, an access token, a client secret, a password) is placed in the query string of a URL that an HTTP client sends, or that a redirect (http.Redirect, gin's Redirect) sends the browser to: " +
			"as a url.Values entry whose Encode() becomes the query, after the '?' of a fmt.Sprintf format or a concatenation, or in req.URL.RawQuery. " +
			"Query strings are written to proxy, load balancer and server access logs, kept in browser history and sent on in Referer headers.",
		Help: "A credential travels in a URL's query string, which ends up in access logs.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"q := url.Values{}\n" +
			"q.Set(\"api_key\", os.Getenv(\"WEATHER_API_KEY\"))\n" +
			"resp, err := http.Get(\"https://api.weather.example.com/v1/today?\" + q.Encode())\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"req, _ := http.NewRequest(\"GET\", \"https://api.weather.example.com/v1/today\", nil)\n" +
			"req.Header.Set(\"X-API-Key\", os.Getenv(\"WEATHER_API_KEY\"))\n" +
			"resp, err := http.DefaultClient.Do(req)\n" +
			"```\n\n" +
			"The URL is followed from the client call (http.Get, http.Post, http.NewRequest, (*http.Client).Get …, fasthttp's Request.SetRequestURI and Get) back through concatenation, " +
			"fmt.Sprintf, url.Parse, (*url.URL).String, url.Values.Encode and helpers of any analyzed package that build the URL or send it.\n\n" +
			"**Left alone on purpose**: hosts in `-allow-query-hosts` (default the Google Maps Platform hosts `maps.googleapis.com`, `roads.googleapis.com`, " +
			"`places.googleapis.com`, whose web services take the key in the query, and WeCom's, WeChat's and DingTalk's classic server APIs, " +
			"`qyapi.weixin.qq.com`, `api.weixin.qq.com` and `oapi.dingtalk.com`, which take their credentials only there; a `.suffix` entry covers subdomains), requests to the machine itself " +
			"(`localhost`, a loopback address, `*.localhost`, `host.docker.internal`: no network, no proxy), and requests to a host known only " +
			"at run time from a package whose literals name an allowed host (a client of that provider), unless the URL starts with a struct field or variable the package never gives an allowed host's literal (a base URL from the configuration, in a package that also calls the provider); " +
			"request signatures (`X-Amz-Signature`, `sig`, `signature`, `hmac`) and presigned URLs, which are bound to one request and expire; a value a function of the package " +
			"made and the function writes to an HMAC (`h := hmac.New(sha256.New, key); h.Write(tokenBytes)`), the message of a signed exchange sent beside its MAC (a single sign-on redirect's one-time token: the MAC's key is the secret; an access token the function was handed stays a credential, a proof computed over it beside it or not); the OAuth " +
			"`code`, `state` and `client_id`, which belong in the redirect; OAuth's keywords (`grant_type`, `response_type`, `token_type` and the like), whose values name a grant or a token type; credentials in the path (`/bot<token>/`), which some APIs require; " +
			"credentials after a `#`, in the URL's fragment, which no client sends; and url.Values sent as a form body (http.PostForm).",
		Level:            finding.LevelWarning,
		CWE:              []string{"CWE-598"},
		SecuritySeverity: 5.3,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "credexposure/query-opt-in",
		Short: "credential put in the query string when an option chooses it over the header or body",
		Full: "A credential is put in the query string of an outgoing request in one branch of an if/else chain (or one case of a switch) decided at run time, while " +
			"another branch of the same chain (another case) sends the same credential in a request header or a request body (a form built before a switch on the token mode " +
			"and sent as the query in one case, posted in another). The program offers both transports (some providers " +
			"accept a token only in the query) and the operator's configuration picks one, so this is a note: check that the header is the default " +
			"and the query style is documented as leaking into access logs.",
		Help: "A client sends the token in the Authorization header or, when configured so, in the query string.\n\n" +
			"**Bad** (noted)\n\n" +
			"```go\n" +
			"if p.TokenStyle == \"header\" {\n" +
			"\treq.Header.Set(\"Authorization\", \"Bearer \"+tok)\n" +
			"} else if p.TokenStyle == \"query\" {\n" +
			"\tq := req.URL.Query()\n" +
			"\tq.Set(\"access_token\", tok)\n" +
			"\treq.URL.RawQuery = q.Encode()\n" +
			"}\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"req.Header.Set(\"Authorization\", \"Bearer \"+tok) // for every provider; no query style\n" +
			"```\n\n" +
			"The other branch must set a header (`http.Header` `Set` or `Add`, `SetBasicAuth`) from the same variable or field; a chain " +
			"decided by constants only, or whose other branches send no header, stays `credexposure/query`.",
		Level:            finding.LevelNote,
		CWE:              []string{"CWE-598"},
		SecuritySeverity: 3.1,
		Precision:        finding.PrecisionHigh,
	},
	{
		ID:    "credexposure/query-accept",
		Short: "handler accepts a bearer token from the URL query as well as the header",
		Full: "A handler reads a bearer token or API key from the URL query (r.URL.Query(), gin's, echo's or fiber's Query, or net/http's or echo's FormValue, which looks in the query before the body) besides the Authorization header or a header named for a token or API key (X-Api-Key). RFC 6750 §2.3 advises against tokens " +
			"in the URI: clients that use the query leak the token into access logs, browser history and Referer headers, and the server invites them to. " +
			"The finding is a note because some clients (browsers opening a WebSocket or an EventSource) cannot set the header.",
		Help: "A handler accepts a token in the query string as an alternative to the Authorization header.\n\n" +
			"**Bad**\n\n" +
			"```go\n" +
			"tok := strings.TrimPrefix(r.Header.Get(\"Authorization\"), \"Bearer \")\n" +
			"if tok == \"\" {\n" +
			"\ttok = r.URL.Query().Get(\"access_token\")\n" +
			"}\n" +
			"```\n\n" +
			"**Good**\n\n" +
			"```go\n" +
			"tok := strings.TrimPrefix(r.Header.Get(\"Authorization\"), \"Bearer \")\n" +
			"if tok == \"\" {\n" +
			"\thttp.Error(w, \"missing bearer token\", http.StatusUnauthorized)\n" +
			"\treturn\n" +
			"}\n" +
			"```\n\n" +
			"**Left alone on purpose**: handlers that read only the query (no header alternative to steer clients to), packages that speak WebSocket " +
			"(gorilla/websocket, nhooyr, coder/websocket, x/net/websocket, gobwas/ws), where the query is the only way a browser can send a token, the " +
			"OAuth `code` and `state` of a callback, anti-forgery tokens (`csrf_token`), and PostFormValue (the body only).",
		Level:            finding.LevelNote,
		CWE:              []string{"CWE-598"},
		SecuritySeverity: 3.1,
		Precision:        finding.PrecisionMedium,
	},
}
