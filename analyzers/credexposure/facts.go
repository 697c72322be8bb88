package credexposure

import (
	"fmt"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// summary is what a function does with credentials and cookies, as seen
// by its callers. It is exported as an object fact on exported functions
// so that callers in other analyzed packages see through helpers.
//
// Parameter indexes are SSA's: a method's receiver is parameter 0.
type summary struct {
	// Creds lists results that are credentials whatever the arguments
	// (func bearer(r *http.Request) string).
	Creds []resultCred
	// Flows lists parameters whose value reaches a result as is, or
	// trimmed, formatted or concatenated.
	Flows []paramFlow
	// URLs lists results that are URLs with a credential in their query.
	URLs []resultCred
	// URLFlows lists parameters that reach the query of a URL result
	// (func withKey(u, key string) string { return u + "?key=" + key }).
	URLFlows []paramFlow
	// QuerySinks lists parameters that reach the query of an outgoing
	// request's URL.
	QuerySinks []paramSink
	// CookieValues lists parameters that reach the Value of a cookie
	// sent without its protective flags.
	CookieValues []cookieValueSink
	// CookieParams lists *http.Cookie parameters whose flags the
	// function sets, or that it sends.
	CookieParams []cookieParam
	// Cookie describes the *http.Cookie the function returns, if any.
	Cookie *cookieResult
}

// AFact marks summary as an analysis fact.
func (*summary) AFact() {}

func (s *summary) String() string {
	var parts []string
	for _, r := range s.Creds {
		parts = append(parts, fmt.Sprintf("result %d is %s", r.Result, r.Source.Desc))
	}
	for _, f := range s.Flows {
		parts = append(parts, fmt.Sprintf("param %d flows to result %d", f.Param, f.Result))
	}
	for _, r := range s.URLs {
		parts = append(parts, fmt.Sprintf("result %d is a URL with %s in its query", r.Result, r.Source.Desc))
	}
	for _, f := range s.URLFlows {
		parts = append(parts, fmt.Sprintf("param %d reaches the query of result %d", f.Param, f.Result))
	}
	for _, p := range s.QuerySinks {
		parts = append(parts, fmt.Sprintf("param %d reaches the query of a URL sent by %s", p.Param, p.Sink))
	}
	for _, c := range s.CookieValues {
		parts = append(parts, fmt.Sprintf("param %d reaches cookie %q sent without %s", c.Param, c.Name, c.Missing))
	}
	for _, c := range s.CookieParams {
		parts = append(parts, fmt.Sprintf("cookie param %d: secure=%s httponly=%s samesite-none=%s sends=%v", c.Param, c.Flags.Secure, c.Flags.HTTPOnly, c.Flags.SameSiteNone, c.Sends))
	}
	if c := s.Cookie; c != nil {
		parts = append(parts, fmt.Sprintf("returns cookie %q: secure=%s httponly=%s samesite-none=%s value-param=%d", c.Name, c.Flags.Secure, c.Flags.HTTPOnly, c.Flags.SameSiteNone, c.ValueParam))
	}
	return "credexposure(" + strings.Join(parts, "; ") + ")"
}

func (s *summary) empty() bool {
	return s == nil || len(s.Creds)+len(s.Flows)+len(s.URLs)+len(s.URLFlows)+len(s.QuerySinks)+len(s.CookieValues)+len(s.CookieParams) == 0 && s.Cookie == nil
}

// resultCred says that result Result is the credential Source.
type resultCred struct {
	Result int
	Source credsrc.Source
}

// paramFlow says that parameter Param reaches result Result.
type paramFlow struct {
	Param, Result int
}

// paramSink says that parameter Param reaches the query of a URL sent
// by Sink. Self is true when the function reports the flow itself (the
// parameter is a credential by its name); callers then stay silent so
// that one leak gives one finding.
type paramSink struct {
	Param int
	Sink  string
	// Raw is true when the parameter is a credential put into the
	// query by the function, false when it is the URL itself.
	Raw  bool
	Self bool
}

// cookieValueSink says that parameter Param becomes the Value of cookie
// Name, sent by Sink without the flags named by Missing.
type cookieValueSink struct {
	Param   int
	Name    string
	Missing string
	Sink    string
	Self    bool
}

// cookieParam says what a function does to the *http.Cookie passed as
// parameter Param: the flags it sets on every path (or may set), and
// whether it sends the cookie (Sends, through Sink).
type cookieParam struct {
	Param int
	Flags flags
	Sends bool
	Sink  string
}

// cookieResult describes a returned *http.Cookie: its constant name (or
// the parameter it comes from), where its Value comes from, and its
// flags.
type cookieResult struct {
	Name       string
	NameParam  int // -1 when Name is constant or unknown
	ValueParam int // -1 when the value is not a parameter
	Value      *credsrc.Source
	Flags      flags
}
