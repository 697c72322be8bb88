package credsrc

import (
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// cookieCredentialWords are words that, anywhere in a cookie's name, say
// the cookie authenticates its bearer: a session id, an access or
// refresh token, a JWT. A session cookie holds no credential-named
// value ("sid", "session") yet whoever holds it is logged in.
// Words such as "access", "login" or "remember" are left out: "last_access"
// and "last_login" hold times, "remember_me" often a flag.
var cookieCredentialWords = map[string]bool{
	"session": true, "sess": true, "sid": true, "sessionid": true, "ssid": true,
	"token": true, "jwt": true, "auth": true, "authorization": true, "bearer": true,
	"apikey": true, "secret": true, "credential": true, "credentials": true,
}

// cookieHarmlessWords name cookies that hold no credential or that
// scripts must read: preferences, the CSRF double-submit token (which
// the page's script copies into a header), flash messages, an OAuth
// state or PKCE round trip, a redirect target.
var cookieHarmlessWords = map[string]bool{
	"csrf": true, "xsrf": true, "theme": true, "locale": true, "lang": true, "language": true,
	"flash": true, "redirect": true, "return": true, "next": true, "state": true,
	"consent": true, "tz": true, "timezone": true, "prefs": true, "preferences": true,
	"tracking": true, "analytics": true, "banner": true, "dismissed": true, "color": true,
	"mode": true, "nonce": true,
}

// CookieName reports what a cookie's name says of its value: a
// credential (true, true), something harmless or meant for scripts
// (false, true), or nothing (false, false). Harmless words win, so that
// "csrf_token" and "XSRF-TOKEN" are double-submit tokens, not session
// credentials.
func CookieName(name string) (credential, known bool) {
	words := credname.Words(name)
	for _, w := range words {
		if cookieHarmlessWords[w] {
			return false, true
		}
	}
	for _, w := range words {
		if cookieCredentialWords[w] {
			return true, true
		}
	}
	if credname.Classify(name) != credname.None {
		return true, true
	}
	return false, false
}

// ScriptReadable reports whether a name (of a cookie, a variable or a
// field) says its value is meant to be read by the page's script or is
// otherwise no credential: CSRF double-submit tokens above all. Values
// named so are not session credentials even when the name ends in
// "token".
func ScriptReadable(name string) bool {
	for _, w := range credname.Words(name) {
		if w == "csrf" || w == "xsrf" {
			return true
		}
	}
	return false
}

// QueryKeyCarriesNoSecret reports whether a URL query parameter, by its
// name, holds no reusable credential even when its value is a secret's
// derivative: a request signature (X-Amz-Signature, sig, signature,
// hmac), which is bound to one request and expires; the OAuth
// authorization code and state, which are single-use and belong in the
// redirect; the public client id; and OpenID Connect's id_token_hint,
// which OpenID Connect Core (§3.1.2.1) and RP-Initiated Logout (§2)
// define as a query parameter of the authorization and end-session
// requests: an ID token names the user to the provider that issued it
// and is no access token.
func QueryKeyCarriesNoSecret(key string) bool {
	k := strings.ToLower(key)
	switch k {
	case "code", "state", "client_id", "clientid", "nonce", "sig", "signature", "hmac", "mac", "id_token_hint",
		"x-amz-signature", "x-goog-signature", "x-amz-credential", "x-goog-credential",
		"x-amz-security-token", "se", "sp", "sv", "sr", "skoid", "sktid", "expires", "x-amz-expires",
		// OAuth's keywords (RFC 6749, 7009, 7523, 8693): the value
		// names a grant, a response or a token type, never holds one.
		"grant_type", "response_type", "token_type", "token_type_hint", "client_assertion_type",
		"subject_token_type", "actor_token_type", "requested_token_type":
		return true
	}
	return strings.HasSuffix(k, "signature") || strings.HasSuffix(k, "_sig")
}
