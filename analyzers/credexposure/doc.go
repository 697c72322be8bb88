// Package credexposure defines an Analyzer that reports credentials
// exposed by the way they are sent: in cookies without their protective
// flags, and in the query strings of URLs.
//
// # Analyzer credexposure
//
// credexposure: credentials in unprotected cookies and in URL query strings
//
// A token kept in a cookie that lacks Secure travels over plain HTTP; one
// that lacks HttpOnly can be read by any script on the page. An API key in
// a query string is written to every proxy and server access log on its
// way, to browser history and to Referer headers. credexposure follows
// credentials with data flow on SSA, within functions and, through
// analysis facts, across the helpers of analyzed packages.
//
// Credentials are recognised by the shared credsrc layer (the same
// sources as tokenlog): *oauth2.Token fields, signed JWTs
// (SignedString), credential headers and environment variables,
// credential URL parameters, and string values named like a token,
// secret, password or API key. A cookie whose name says it holds a
// session or a token (session, sid, auth, jwt, access_token) holds a
// credential whatever its value's name.
//
// Rules:
//
//   - credexposure/cookie: a credential cookie set with http.SetCookie, a
//     Set-Cookie header (http.Cookie.String or written by hand), echo's
//     or gin's SetCookie or fiber's Ctx.Cookie, without Secure or
//     HttpOnly, or with SameSite=None and no Secure. The cookie is
//     followed from its literal through later field assignments, helpers
//     that set its flags or build it (read from their bodies), and
//     wrappers that send it. A suggested fix adds the flags to the
//     literal.
//   - credexposure/query: a credential put in the query string of a URL
//     sent by http.Get, http.Post, http.NewRequest, (*http.Client).Get
//     and the like: a url.Values Set/Add/literal entry whose Encode()
//     becomes the query, a credential after the '?' of a fmt.Sprintf
//     format or a concatenation, or req.URL.RawQuery built from one.
//   - credexposure/query-opt-in (note): the same, in one branch of an
//     if/else chain (or switch) decided at run time whose other branch
//     sends the same credential in a request header or body (a token
//     style the operator picks).
//   - credexposure/query-accept (note): a handler that accepts a bearer
//     token from r.URL.Query() as well as from the Authorization header.
//
// Bad:
//
//	signed, _ := tok.SignedString(key)
//	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed}) // signed JWT reaches cookie "auth" set by http.SetCookie without Secure and HttpOnly
//
//	q := url.Values{}
//	q.Set("api_key", os.Getenv("WEATHER_API_KEY")) // API key ... is put in the query string of a URL sent by http.Get
//	http.Get("https://api.weather.example.com/v1/today?" + q.Encode())
//
// Good:
//
//	http.SetCookie(w, &http.Cookie{Name: "auth", Value: signed, Secure: true, HttpOnly: true})
//
//	req, _ := http.NewRequest("GET", "https://api.weather.example.com/v1/today", nil)
//	req.Header.Set("X-API-Key", os.Getenv("WEATHER_API_KEY"))
//
// Left alone on purpose: cookie flags set from configuration or under a
// condition (unknown, so not reported), cookies handed to code that is
// not understood before they are sent, cookies built by session
// libraries (gorilla/sessions, scs; but a package whose gorilla/sessions
// store never gets HttpOnly is reported at the store, sessionstore.go),
// non-credential cookies (theme,
// locale, flash, consent, OAuth state) and CSRF double-submit tokens,
// which scripts must read, cookies being deleted; in URLs, hosts listed
// in -allow-query-hosts (default the Google Maps Platform hosts), and
// hosts known only at run time in a package whose literals name an
// allowed host (a client of that provider), request
// signatures and presigned URLs (X-Amz-Signature, sig, signature), the
// OAuth code, state and client_id, credentials in the URL path, and
// url.Values sent as a form body. A handler reading a token only from
// the query, or in a package that speaks WebSocket (browsers cannot set
// headers there), is not reported. Generated files are skipped.
package credexposure

const doc = `credexposure: credentials in unprotected cookies and in URL query strings

credexposure reports credentials (OAuth2 tokens, signed JWTs, session
ids, API keys, secrets) set in cookies without Secure or HttpOnly (or
with SameSite=None and no Secure), credentials put in the query string
of a URL that an HTTP client sends, and handlers that accept a bearer
token from the query as well as the Authorization header. Values, cookie
flags and URLs are followed with data flow on SSA, across helpers of
analyzed packages through facts.`
