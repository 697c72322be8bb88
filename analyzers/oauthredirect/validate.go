package oauthredirect

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// credit is the set of checks a value (or something derived from it)
// goes through in its function.
type credit uint16

const (
	cPrefixSlash   credit = 1 << iota // must start with "/"
	cNoDoubleSlash                    // rejects a leading "//"
	cNoBackslash                      // rejects "\"
	cHost                             // the parsed host is checked
	cAllow                            // looked up in an allow-list (map key, slices.Contains, a configured prefix)
	cEqual                            // compared with a non-empty value
	cOpaque                           // passed to a validator: a regexp, a function that checks it
	cScheme                           // rejects a scheme: Contains "://", HasPrefix "http", u.IsAbs(), an empty u.Scheme
	cNoHost                           // rejects a parsed host: u.Host != "" (not "/\evil.example", which has none)
)

// ok reports whether the checks make the value safe to redirect to: an
// allow-list or same-origin check, or a path-only check that rejects
// "//" (a "/" prefix alone lets "//evil.example" through). Rejecting a
// scheme is not a same-origin check either: the scheme-relative
// "//evil.example" and "/\evil.example" have none, so it counts only
// with a check that rejects "//".
//
// Rejecting any parsed host (u.Host != "") stops "//evil.example" but
// not "/\evil.example": url.Parse sees a path there, and browsers read
// the backslash as a slash (and, where the Location header is written by
// hand, "///evil.example" too). It counts with a check that rejects "\".
func (c credit) ok() bool {
	return c&(cHost|cAllow|cEqual|cOpaque) != 0 ||
		c&(cPrefixSlash|cNoDoubleSlash) == cPrefixSlash|cNoDoubleSlash ||
		c&(cScheme|cNoDoubleSlash) == cScheme|cNoDoubleSlash ||
		c&(cNoHost|cNoBackslash) == cNoHost|cNoBackslash
}

// part says which piece of the URL a derived value is.
type part uint8

const (
	pRaw    part = iota // the URL (string or *url.URL) or its path
	pHost               // u.Host, u.Hostname()
	pScheme             // u.Scheme
	pByte0              // s[0]
	pByte1              // s[1]
)

// creditOf returns the checks applied in v's function to v and to the
// values derived from it (its parsed form, its host, its first bytes,
// trimmed or lower-cased copies).
func (st *state) creditOf(v ssa.Value) credit {
	if c, ok := st.credits[v]; ok {
		return c
	}
	st.credits[v] = 0 // cycles
	type item struct {
		v ssa.Value
		p part
	}
	var c credit
	seen := map[ssa.Value]bool{v: true}
	queue := []item{{v, pRaw}}
	push := func(v ssa.Value, p part) {
		if v != nil && !seen[v] {
			seen[v] = true
			queue = append(queue, item{v, p})
		}
	}
	for _, o := range sameFieldReads(v) {
		// st.Return read again: the other reads of the same field of
		// the same local struct hold the same value (a MAC computed
		// over one of them checks the one redirected to).
		push(o, pRaw)
	}
	for len(queue) > 0 && len(seen) < maxSteps {
		it := queue[0]
		queue = queue[1:]
		refs := it.v.Referrers()
		if refs == nil {
			continue
		}
		for _, ref := range *refs {
			switch r := ref.(type) {
			case *ssa.BinOp:
				c |= compareCredit(r, it.v, it.p)
				if r.Op == token.ADD && it.p == pHost {
					// u.Scheme + "://" + u.Host: an origin is the host
					// (macsigned.go).
					push(r, pHost)
				}
			case *ssa.Lookup:
				if r.Index == it.v {
					c |= cAllow
				}
			case *ssa.Index:
				if isString(r.X.Type()) && r.X == it.v {
					switch idx, _ := intConst(r.Index); idx {
					case 0:
						push(r, pByte0)
					case 1:
						push(r, pByte1)
					}
				}
			case *ssa.Phi:
				push(r, it.p)
			case *ssa.Convert:
				push(r, it.p)
			case *ssa.ChangeType:
				push(r, it.p)
			case *ssa.MakeInterface:
				push(r, it.p)
			// A slice is not followed: a check of state[:32] (a nonce
			// in front of the URL) says nothing about the URL.
			case *ssa.Store:
				if r.Val == it.v {
					if a, ok := r.Addr.(*ssa.Alloc); ok {
						for _, l := range *a.Referrers() {
							if u, ok := l.(*ssa.UnOp); ok && u.Op == token.MUL {
								push(u, it.p)
							}
						}
					}
				}
			case *ssa.FieldAddr:
				if isNamed(it.v.Type(), "net/url", "URL") {
					_, name, _ := fieldName(r)
					for _, l := range *r.Referrers() {
						if u, ok := l.(*ssa.UnOp); ok && u.Op == token.MUL {
							switch name {
							case "Host":
								push(u, pHost)
							case "Scheme":
								push(u, pScheme)
							case "Path":
								push(u, pRaw)
							}
						}
					}
				}
			case *ssa.Field:
				if isNamed(it.v.Type(), "net/url", "URL") {
					switch _, name, _ := fieldName(r); name {
					case "Host":
						push(r, pHost)
					case "Scheme":
						push(r, pScheme)
					case "Path":
						push(r, pRaw)
					}
				}
			case *ssa.Call:
				cr, next, p := st.callCredit(r, it.v, it.p)
				c |= cr
				for _, n := range next {
					push(n, p)
				}
			case *ssa.Extract:
				// A tuple value flows here only from a call handled
				// above.
			}
		}
	}
	st.credits[v] = c
	return c
}

// compareCredit is the credit of an ==/!= comparison of v (a part p of
// the URL) with the other operand.
func compareCredit(b *ssa.BinOp, v ssa.Value, p part) credit {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return 0
	}
	other := b.Y
	if b.Y == v {
		other = b.X
	}
	empty := false
	if s, ok := credsrc.ConstString(other); ok && s == "" {
		empty = true
	}
	switch p {
	case pRaw:
		if !empty {
			// x == "/home", a switch on allowed values, x == cfg.URL.
			return cEqual
		}
	case pHost:
		if empty {
			// u.Host != "" rejects absolute and scheme-relative
			// URLs, not "/\evil.example".
			return cNoHost
		}
		// u.Host == cfg.Host is the same-origin check.
		return cHost
	case pScheme:
		if empty {
			// u.Scheme != "" rejects absolute URLs, not "//evil.example".
			return cScheme
		}
	case pByte0, pByte1:
		n, ok := intConst(other)
		if !ok {
			return 0
		}
		switch {
		case p == pByte0 && n == '/':
			return cPrefixSlash
		case p == pByte1 && n == '/':
			return cNoDoubleSlash
		case n == '\\':
			return cNoBackslash
		}
	}
	return 0
}

// callCredit is the credit of passing v (a part p of the URL) to a
// call, and the call's results that are still the same URL.
func (st *state) callCredit(call *ssa.Call, v ssa.Value, p part) (credit, []ssa.Value, part) {
	c, ok := resolve(call.Common())
	if !ok {
		if call.Common().IsInvoke() && returnsBool(call) {
			// An interface validator (a policy object).
			return cOpaque, nil, 0
		}
		return 0, nil, 0
	}
	argIdx := -1
	for i, a := range c.args {
		if a == v {
			argIdx = i
			break
		}
	}
	isRecv := c.recvVal == v && argIdx < 0
	switch c.pkg {
	case "net/url":
		switch {
		case c.recv == "" && (c.name == "Parse" || c.name == "ParseRequestURI") && argIdx == 0:
			return 0, extracts(call, 0), pRaw
		case c.recv == "URL" && isRecv:
			switch c.name {
			case "Hostname", "Port":
				return 0, []ssa.Value{call}, pHost
			case "IsAbs":
				// Scheme != "": "//evil.example" is not absolute.
				return cScheme, nil, 0
			case "String", "EscapedPath", "RequestURI", "Redacted":
				return 0, []ssa.Value{call}, pRaw
			}
		}
		return 0, nil, 0
	case "strings":
		return stringsCredit(c, argIdx, p), stringsNext(c, call, argIdx), p
	case "path":
		if c.name == "Clean" {
			return 0, []ssa.Value{call}, p
		}
		return 0, nil, 0
	case "slices", "sort":
		if strings.HasPrefix(c.name, "Contains") || strings.HasPrefix(c.name, "Index") || strings.HasPrefix(c.name, "Search") || strings.HasPrefix(c.name, "BinarySearch") {
			return cAllow, nil, 0
		}
		return 0, nil, 0
	case "regexp":
		if strings.HasPrefix(c.name, "Match") {
			return cOpaque, nil, 0
		}
		return 0, nil, 0
	}
	if argIdx == 0 && c.name == "Write" && macWrittenThenCompared(c.recvVal) {
		// mac.Write([]byte(next)); hmac.Equal(sig, mac.Sum(nil)): the
		// streaming form of a MAC of the destination (macsigned.go).
		return cOpaque, nil, 0
	}
	if argIdx >= 0 && (constantTimeCompare(c) || macCompared(call)) {
		// hmac.Equal(sig, mac(next)): only a signed address passes
		// (macsigned.go).
		return cOpaque, nil, 0
	}
	if argIdx < 0 && !isRecv {
		return 0, nil, 0
	}
	if s := st.summaryOf(c); s != nil {
		idx := argIdx
		if c.recvVal != nil {
			idx++ // summaries count the receiver as parameter 0
		}
		if isRecv {
			idx = 0
		}
		if s.validates[idx] {
			return cOpaque, nil, 0
		}
		return 0, st.passedOn(call, c, s, idx), pRaw
	}
	if !isStdlib(c.pkg) && returnsBool(call) {
		// A bool-returning function of another module that the
		// driver had no facts for: give it the benefit of the doubt.
		return cOpaque, nil, 0
	}
	return 0, nil, 0
}

// stringsCredit is the credit of a strings function applied to v.
func stringsCredit(c callee, argIdx int, p part) credit {
	if p == pHost && argIdx >= 0 {
		// strings.HasSuffix(host, ".example.com"), EqualFold(host, …).
		switch c.name {
		case "HasSuffix", "HasPrefix", "EqualFold", "Compare", "Contains":
			return cHost
		}
		return 0
	}
	other, otherConst := "", false
	if argIdx == 0 {
		other, otherConst = credsrc.ConstString(c.arg(1))
	} else if argIdx == 1 {
		other, otherConst = credsrc.ConstString(c.arg(0))
	}
	switch c.name {
	case "EqualFold", "Compare":
		if argIdx >= 0 && !(otherConst && other == "") {
			return cEqual
		}
	case "HasPrefix":
		if argIdx != 0 {
			// strings.HasPrefix(allowed, x): x is looked up.
			return cAllow
		}
		switch {
		case !otherConst:
			// A configured base URL.
			return cAllow
		case other == "/":
			return cPrefixSlash
		case strings.HasPrefix(other, "//"), other == "/\\":
			return cNoDoubleSlash
		case strings.HasPrefix(other, "\\"):
			return cNoBackslash
		case strings.HasPrefix(other, "/"):
			// "/app/": a fixed path prefix, no host possible.
			return cPrefixSlash | cNoDoubleSlash
		case fixedOrigin(other):
			return cAllow
		case schemeOnly(other):
			// "http://", "https:": rejects a scheme, not "//evil.example".
			return cScheme
		}
	case "Contains", "Index":
		if argIdx == 0 && otherConst {
			switch {
			case strings.HasPrefix(other, "//"):
				// "://" is not enough: "//evil.example" has no scheme.
				return cNoDoubleSlash
			case strings.Contains(other, "\\"):
				return cNoBackslash
			case schemeOnly(other):
				// "://": "//evil.example" has no scheme.
				return cScheme
			}
		}
	case "ContainsAny", "IndexAny":
		if argIdx == 0 && otherConst && strings.Contains(other, "\\") {
			return cNoBackslash
		}
	}
	return 0
}

// stringsNext returns the result of a strings function that is still
// the URL (trimmed, lower-cased).
func stringsNext(c callee, call *ssa.Call, argIdx int) []ssa.Value {
	if argIdx != 0 {
		return nil
	}
	switch c.name {
	case "TrimSpace", "TrimPrefix", "TrimSuffix", "Trim", "TrimLeft", "TrimRight", "ToLower", "ToUpper", "Replace", "ReplaceAll":
		return []ssa.Value{call}
	}
	return nil
}

// fixedOrigin reports whether a constant prefix pins the host:
// "https://app.example.com/" (with the slash after the host).
func fixedOrigin(s string) bool {
	_, rest, ok := strings.Cut(s, "://")
	return ok && strings.Contains(rest, "/") && !strings.HasPrefix(rest, "/")
}

// schemeOnly reports whether a constant is a scheme or its separator
// with no host: "://", "http://", "https:", "javascript:".
func schemeOnly(s string) bool {
	head, rest, ok := strings.Cut(s, ":")
	if !ok || strings.Trim(rest, "/") != "" {
		return false
	}
	for _, r := range head {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// extracts returns the Extract of result idx of a tuple-valued call.
func extracts(call *ssa.Call, idx int) []ssa.Value {
	var out []ssa.Value
	for _, ref := range *call.Referrers() {
		if e, ok := ref.(*ssa.Extract); ok && e.Index == idx {
			out = append(out, e)
		}
	}
	return out
}

func returnsBool(call *ssa.Call) bool {
	sig := call.Common().Signature()
	return sig != nil && resultIsBool(sig)
}

func intConst(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil {
		return 0, false
	}
	if _, isInt := c.Type().Underlying().(*types.Basic); !isInt {
		return 0, false
	}
	n, exact := constant.Int64Val(constant.ToInt(c.Value))
	return n, exact
}

// sameFieldReads returns the other reads of the field v reads: loads of
// the same field of the same local struct (st.Return, st.Return), or
// the same field of the same struct value. A field reached through a
// pointer that is not a local struct is not followed.
func sameFieldReads(v ssa.Value) []ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok {
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			if _, ok := fa.X.(*ssa.Alloc); !ok {
				return nil
			}
		}
	}
	return credsrc.OtherFieldReads(v)
}
