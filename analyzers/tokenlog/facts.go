package tokenlog

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// summary is what a function does with credentials, as seen by its
// callers. It is exported as an object fact on the function so that a
// caller in another analyzed package follows the same flows; under the
// in-process checker facts reach only analyzed packages, which is why
// library knowledge is built in (sinks.go) rather than learned.
//
// Parameter indexes are SSA's: a method's receiver is parameter 0.
type summary struct {
	// Sinks lists the parameters whose value reaches a sink.
	Sinks []paramSink
	// Results lists the results that are credentials whatever the
	// arguments (func authHeader(r *http.Request) string).
	Results []resultSource
	// Flows lists the parameters whose value reaches a result
	// (func bearer(h string) string { return strings.TrimPrefix(h, ...) }).
	Flows []paramFlow
	// ReqErrs lists the requests sent from a parameter whose error
	// reaches a result: Param is the *http.Request, Result the error
	// (func (c *Client) do(req *http.Request) error; urlerror.go).
	ReqErrs []reqFlow
	// ReqSinks lists the log and print sinks the error of a request
	// sent from parameter Param reaches in the function.
	ReqSinks []reqSinkEntry
}

// AFact marks summary as an analysis fact.
func (*summary) AFact() {}

func (s *summary) String() string {
	var parts []string
	for _, p := range s.Sinks {
		own := ""
		if p.Own {
			own = " (own sink)"
		}
		parts = append(parts, fmt.Sprintf("param %d%s reaches %s%s%s", p.Param, qualText(p.Elems, p.Filter), p.Sink, viaText(p.Via), own))
	}
	for _, r := range s.Results {
		parts = append(parts, fmt.Sprintf("result %d%s is %s", r.Result, r.Path, r.Source.Desc))
	}
	for _, f := range s.Flows {
		parts = append(parts, fmt.Sprintf("param %d%s flows to result %d%s", f.Param, qualText(f.Elems, f.Filter), f.Result, f.Path))
	}
	for _, f := range s.ReqErrs {
		parts = append(parts, fmt.Sprintf("error of request param %d is result %d", f.Param, f.Result))
	}
	for _, p := range s.ReqSinks {
		parts = append(parts, fmt.Sprintf("error of request param %d reaches %s", p.Param, p.Sink))
	}
	return "tokenlog(" + strings.Join(parts, "; ") + ")"
}

func (s *summary) empty() bool {
	return s == nil || len(s.Sinks) == 0 && len(s.Results) == 0 && len(s.Flows) == 0 && len(s.ReqErrs) == 0 && len(s.ReqSinks) == 0
}

// paramSink says that parameter Param reaches the sink Sink (rule Rule)
// through the functions Via, innermost last.
type paramSink struct {
	Param int
	Rule  string
	Sink  string
	Via   []string
	// Self is true when the function reports the flow itself because
	// the parameter is a credential by name; callers then stay silent
	// so that one leak gives one finding.
	Self bool
	// Printed is true when the function prints the parameter, a struct
	// with a credential field, whole and reports that itself
	// (tokenlog/struct, carrierself.go): callers follow the flow but
	// report nothing more.
	Printed bool
	// Elems selects, when Param is the list parameter, the elements
	// that reach the sink (bit k is element k, bit 63 element 63 or
	// later); 0 means the whole parameter.
	Elems uint64
	// Filter, when set, says the parameter reaches the sink only when
	// its dynamic type passes a type assertion (see guard).
	Filter string
	// Own is true when the function does something with the parameter
	// besides handing it to the sink (see ownsink.go): the sink is the
	// function's own decision, so a flow from its callers is reported
	// once, at the sink, rather than at each caller.
	Own bool
	// ErrPkg is, for a store into an error type's field (errstore.go),
	// the path of the type's package.
	ErrPkg string
	// pos is the sink call, valid only for functions of the package
	// being analyzed (positions do not travel between packages).
	pos token.Pos
	// at is, for an Own entry of a function of this package, where the
	// flow is reported: the innermost sink call of this package and the
	// calls leading to it.
	at *sinkSite
}

// resultSource says that result Result is the credential Source,
// obtained through the functions Via, innermost last.
type resultSource struct {
	Result int
	Source credsrc.Source
	Via    []string
	Rule   string // ruleStruct when the result is a struct printed whole
	// Path is the field of a struct result (or of the struct a pointer
	// result points to) that holds the credential, as ".2" or ".1.0";
	// "" is the whole result. A caller reading another field of the
	// result reads no credential.
	Path string
	// Unless lists the constant arguments for which the function does
	// not return the credential (redactarg.go).
	Unless []constArg
	// Decoded is true for a credential's text decoded into a map: the
	// caller judges its entries by their keys (trace.decoded).
	Decoded bool
	// pos is where the credential was read, valid only for functions of
	// the package being analyzed.
	pos token.Pos
}

// paramFlow says that parameter Param reaches result Result.
type paramFlow struct {
	Param  int
	Result int
	Elems  uint64 // as in paramSink
	Filter string // as in paramSink
	Path   string // as in resultSource
}

// viaText renders a call chain for messages: " via debugf" or
// " via util.Debugf and logf".
func viaText(via []string) string {
	switch len(via) {
	case 0:
		return ""
	case 1:
		return " via " + via[0]
	}
	return " via " + strings.Join(via[:len(via)-1], ", ") + " and " + via[len(via)-1]
}

// maxVia bounds recorded call chains; deeper chains are still followed
// but named by their outer functions only.
const maxVia = 4

func prepend(name string, via []string) []string {
	out := make([]string, 0, len(via)+1)
	out = append(out, name)
	out = append(out, via...)
	if len(out) > maxVia {
		out = out[:maxVia]
	}
	return out
}

// qualText renders the element mask and filter of a summary entry for
// String: "[0,2-63] (T:string)".
func qualText(elems uint64, filter string) string {
	var b strings.Builder
	if elems != 0 && elems != allElems {
		b.WriteString("[")
		first := true
		for k := 0; k < 64; k++ {
			if elems&(1<<uint(k)) == 0 || k > 0 && elems&(1<<uint(k-1)) != 0 {
				continue
			}
			end := k
			for end < 63 && elems&(1<<uint(end+1)) != 0 {
				end++
			}
			if !first {
				b.WriteString(",")
			}
			first = false
			if end == k {
				fmt.Fprintf(&b, "%d", k)
			} else {
				fmt.Fprintf(&b, "%d-%d", k, end)
			}
		}
		b.WriteString("]")
	}
	if filter != "" {
		b.WriteString(" (" + filter + ")")
	}
	return b.String()
}

// plainField marks a struct field that its own package shows holds no
// credential (credsrc.Holders: a file path handed to
// tls.LoadX509KeyPair, a duration, a header name), so that packages
// which print the struct judge the field as its package does
// (ProviderConf.ClientKey is a key file's path, not a key), or a
// package variable that holds none (one //go:embed fills).
type plainField struct{ Why string }

// AFact marks plainField as an analysis fact.
func (*plainField) AFact() {}

func (p *plainField) String() string { return "tokenlog(plain: " + p.Why + ")" }
