// Package tokenprefix: up to twelve characters of a token (generated at
// twenty and more) identify it without disclosing it; the same prefix
// of a password or an API key, or more of the token, still leaks.
package tokenprefix

import (
	"log"
	"net/http"
	"strings"
)

type session struct {
	AccessToken  string
	RefreshToken string
	Password     string
	APIKey       string
}

// Near misses: ten or twelve characters of a token, a prefix or a
// suffix (goth's DingTalk provider).
func refreshed(s *session) {
	log.Printf("new token: %s...", s.AccessToken[:10])
	log.Printf("refresh token: %s...", s.RefreshToken[:12])
	log.Printf("token …%s", s.AccessToken[len(s.AccessToken)-10:])
	log.Printf("token %s…", s.AccessToken[:min(len(s.AccessToken), 12)])
}

// Near miss: a token held in a variable, its last twelve characters
// bounded with max.
func held(s *session) {
	rt := s.RefreshToken
	log.Printf("refresh …%s", rt[max(0, len(rt)-12):])
}

// Positive: the Authorization header may carry Basic credentials, whose
// first characters encode the user name and password.
func authHeader(r *http.Request) {
	h := r.Header.Get("Authorization")
	log.Printf("auth %s…", h[:10]) // want `credentials from the Authorization header reaches log.Printf`
}

// Positives: more than twelve characters of a token, and the same
// prefix of a password or an API key.
func leaks(s *session) {
	log.Printf("token %s…", s.AccessToken[:13]) // want `token in field AccessToken reaches log.Printf`
	log.Printf("password %s…", s.Password[:10]) // want `password in field Password reaches log.Printf`
	log.Printf("key %s…", s.APIKey[:10])        // want `API key in field APIKey reaches log.Printf`
}

// Near miss: a parameter whose own name says token.
func refresh(refreshToken string) {
	log.Printf("refreshing with %s...", refreshToken[:10])
}

// Positive: a helper's parameter is not judged, a caller may pass a
// password.
func show(secret string) {
	log.Printf("value %s…", secret[:10]) // want `secret in parameter secret reaches log.Printf`
}

// shortPrefix shows the first n characters of a token, or the whole of
// a token no longer than that.
func shortPrefix(token string, n int) string {
	if len(token) <= n {
		return token
	}
	return token[:n] + "..."
}

// clip keeps the first n characters whatever the length: no bound test
// before the whole value is returned.
func clip(token string, n int) string {
	if n < 0 {
		return token
	}
	return token[:n]
}

// Near miss: a prefix helper given a small constant (devlake's GitHub App
// token refresh). Positives: the same helper given a larger bound, a
// bound from a variable, and a helper that returns the value whole
// without a length test.
func helper(s *session, n int) {
	log.Printf("old token=%s", shortPrefix(s.APIKey, 8))
	log.Printf("old token=%s", shortPrefix(s.APIKey, 30)) // want `API key in field APIKey reaches log.Printf`
	log.Printf("old token=%s", shortPrefix(s.APIKey, n))  // want `API key in field APIKey reaches log.Printf`
	log.Printf("old token=%s", clip(s.APIKey, 8))         // want `API key in field APIKey reaches log.Printf`
}

// lastN returns the last n characters of a string, the three before them
// replaced by * (mattermost-plugin-github).
func lastN(s string, n int) string {
	if n < 0 {
		return ""
	}
	out := []byte(s)
	if len(out) > n+3 {
		out = out[len(out)-n-3:]
	}
	for i := range out {
		if i < len(out)-n {
			out[i] = '*'
		}
	}
	return string(out)
}

// lastChars is named for the end it keeps but hands the string on.
func lastChars(s string, n int) string {
	return strings.ToUpper(s)[len(s)-n:]
}

// tailOrAll returns the whole string when it is short.
func tailOrAll(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[len(s)-n:]
}

// Near miss: an end helper given a small constant. Positives: a larger
// count, an end helper that calls another function, one that returns the
// whole string on a path.
func ends(s *session) {
	log.Printf("secret=%s", lastN(s.APIKey, 4))
	log.Printf("secret=%s", lastN(s.APIKey, 40))    // want `API key in field APIKey reaches log.Printf`
	log.Printf("secret=%s", lastChars(s.APIKey, 4)) // want `API key in field APIKey reaches log.Printf`
	log.Printf("secret=%s", tailOrAll(s.APIKey, 4)) // want `API key in field APIKey reaches log.Printf`
}
