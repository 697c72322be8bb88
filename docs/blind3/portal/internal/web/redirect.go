package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"regexp"
	"strings"
)

// localPath returns next when it is a path on this site, "/" otherwise.
func localPath(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, `\`) {
		return "/"
	}
	return next
}

// defaultNext only fills in a default; it does not check anything.
func defaultNext(next string) string {
	next = strings.TrimSpace(next)
	if next == "" {
		return "/home"
	}
	return next
}

var safeReturn = regexp.MustCompile(`^/[A-Za-z0-9/_\-]*$`)

// signReturn signs a return path so that it can travel in a query.
func (a *App) signReturn(p string) string {
	mac := hmac.New(sha256.New, a.cfg.ReturnKey)
	mac.Write([]byte(p))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// sameOrigin reports whether raw resolves to the portal's own host.
func (a *App) sameOrigin(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	res := a.base.ResolveReference(u)
	if res.Scheme != a.base.Scheme || res.Host != a.base.Host {
		return "", false
	}
	return res.String(), true
}
