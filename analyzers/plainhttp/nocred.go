package plainhttp

import (
	"net/url"
	"strings"
)

// The mission of plainhttp/url is a credential sent in clear text. A
// literal public host that reaches a client call whose request carries
// no visible credential (no credential header, basic auth, cookie,
// credential query parameter or authenticated client in the function
// that makes the request, the package function it hands the request to,
// or the caller of a helper that returns it; see carriesCredentials) is
// a public page, a status probe, a thumbnail or a ping as often as an
// API. It is kept, at note level, as plainhttp/url-no-credential: the
// URL is still plain HTTP, but nothing shows a secret on it. The same
// literal held by a base-URL name (holder), an OAuth2 endpoint field or
// another client call that does carry a credential is reported as
// plainhttp/url instead: reports are made once per literal, and these
// notes are made last.

// quietURL is a public plain-HTTP URL reaching a client call whose
// request carries no visible credential, with its message.
type quietURL struct {
	v   cand
	p   urlParts
	msg string
}

// reportURL reports v under plainhttp/url, or keeps it for a
// plainhttp/url-no-credential note when quiet (no credential in the
// request). what says what reaches where; fix says what to use.
func (c *checker) reportURL(v cand, p urlParts, quiet bool, what, fix string) {
	if !quiet {
		c.report(v, p, what+"; "+fix)
		return
	}
	c.quiet = append(c.quiet, quietURL{v, p, what + " with no credential in the request; " + fix + " if it ever carries one"})
}

// reportQuiet reports the quiet URLs that no louder rule reported.
func (c *checker) reportQuiet() {
	for _, q := range c.quiet {
		c.reportAs(q.v, q.p, q.msg, catURLNoCred)
	}
}

// urlHasPassword reports whether the URL's userinfo holds a password
// (http://user:pass@host/): the URL itself carries the credential.
func urlHasPassword(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.User == nil {
		return false
	}
	_, ok := u.User.Password()
	return ok
}
