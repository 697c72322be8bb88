package tokenlog

import (
	"go/token"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/analysis"
)

// before orders traces so that merging is deterministic whatever order
// maps are visited in: typed sources first, then the earliest source
// position, then the description.
func (tr *trace) before(o *trace) bool {
	if tr == o {
		return false
	}
	if tr.src.Typed != o.src.Typed {
		return tr.src.Typed
	}
	if (tr.carrier == nil) != (o.carrier == nil) {
		// A flow that is not reported does not hide a credential type
		// printed whole.
		if tr.unreported() || o.unreported() {
			return o.unreported()
		}
		return tr.carrier == nil
	}
	if p, q := firstPos(tr), firstPos(o); p != q {
		return p < q
	}
	if tr.src.Desc != o.src.Desc {
		return tr.src.Desc < o.src.Desc
	}
	return len(tr.steps) < len(o.steps)
}

// unreported reports whether tr is a flow of a credential known only by
// its name that came back through more functions than are reported
// (maxNamedChain, leak).
func (tr *trace) unreported() bool {
	return !tr.src.Typed && tr.carrier == nil && len(tr.via) > maxNamedChain
}

// trace is one credential and the path it took.
type trace struct {
	src     credsrc.Source
	carrier *credsrc.Carrier // set for a struct printed whole
	// via names the functions the credential was returned through,
	// innermost first ("authHeader").
	via []string
	// steps are the related locations, source first.
	steps []analysis.RelatedInformation
	// param is 1 + the index of the enclosing function's parameter the
	// credential is named after, or 0.
	param int
	// userInfo is true when the credential is the password of a URL's
	// user info (url.UserPassword), which net/http strips from the URL
	// of its errors (urlerror.go).
	userInfo bool
	// reqParams is, for the error of a request sent from parameters
	// of the enclosing function, their indexes, one bit each: a stand-in
	// for what its callers' URLs carry, recorded in the summary
	// (ReqErrs) and never reported itself (urlerror.go).
	reqParams uint64
	reqURL    bool // the parameter is the URL, not the *http.Request
	// sentHops is, for a credential held by an error (src.InError),
	// how many functions returned it before it was sent: the error's
	// own returns are not hops of the credential (see leak).
	sentHops int
	// decoded is true for a credential's text decoded into a map
	// (json.Unmarshal(body, &m)): the map's entries are then judged by
	// their keys, m["access_token"] yes, m["error"] no.
	decoded bool
}

func (tr *trace) withStep(pos token.Pos, msg string) *trace {
	c := *tr
	c.steps = append(append([]analysis.RelatedInformation(nil), tr.steps...), analysis.RelatedInformation{Pos: pos, Message: msg})
	return &c
}

// describe names the credential for messages.
func (tr *trace) describe() string {
	if tr.carrier != nil {
		if strings.HasPrefix(tr.carrier.Type, "map ") {
			return tr.carrier.Type + " with credential entry " + tr.carrier.Field // credmap.go
		}
		return tr.carrier.Type + " with credential field " + tr.carrier.Field
	}
	d := tr.src.Desc
	if len(tr.via) > 0 {
		d += " returned by " + tr.via[len(tr.via)-1]
	}
	return d
}

func (f *fnState) describe(tr *trace) string {
	d := tr.describe()
	if tr.carrier == nil && len(tr.via) > 0 {
		d = tr.src.Desc + " returned by " + f.st.short(tr.via[len(tr.via)-1])
	}
	return d
}

func ruleOf(tr *trace) string {
	if tr.carrier != nil {
		return ruleStruct
	}
	return ""
}

func firstPos(tr *trace) token.Pos {
	if len(tr.steps) > 0 {
		return tr.steps[0].Pos
	}
	return token.NoPos
}
