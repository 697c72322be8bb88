package oauthredirect

import (
	"fmt"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// summary is what callers need to know about a function. Parameter
// indexes count the receiver of a method as parameter 0, as in
// ssa.Function.Params and the arguments of a static call.
type summary struct {
	// auth: the function, or one of the package's functions it calls,
	// does a step of logging in (context.go).
	auth bool
	// rets holds, per result index, the origins of the result in open
	// mode: request data, or parameters passed through unvalidated.
	rets map[int][]origin
	// dyn is the same in dynamic mode.
	dyn map[int][]origin
	// validates holds the parameters that a function returning a
	// verdict (a bool, or a struct with a bool field: verdict.go) or a
	// match or nil (matchOrNil) checks
	// (allow-list, same origin, path-only).
	validates map[int]bool
	// redirects holds the parameters sent unvalidated to a redirect,
	// and how the redirect is named.
	redirects map[int]string
}

// sum returns the summary of a function of this package.
func (st *state) sum(fn *ssa.Function) *summary {
	if s, ok := st.sums[fn]; ok {
		return s
	}
	if st.busy[fn] {
		// Recursion: the partial answer is "nothing known".
		return &summary{}
	}
	st.busy[fn] = true
	defer delete(st.busy, fn)
	s := &summary{rets: map[int][]origin{}, dyn: map[int][]origin{}, validates: map[int]bool{}, redirects: map[int]string{}}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Return:
				for i, r := range in.Results {
					s.rets[i] = append(s.rets[i], st.trace(r, false)...)
					s.dyn[i] = append(s.dyn[i], st.trace(r, true)...)
				}
			case ssa.CallInstruction:
				if authAction(in) {
					s.auth = true
				}
				c, ok := resolve(in.Common())
				if !ok {
					continue
				}
				if c.fn != nil && st.local(c.fn) && c.fn != fn {
					if st.sum(c.fn).auth {
						s.auth = true
					}
				} else if cs := st.summaryOf(c); cs != nil && cs.auth {
					s.auth = true
				}
				if call, ok := in.(*ssa.Call); ok {
					for _, o := range st.redirectOrigins(call) {
						if o.param >= 0 {
							s.redirects[o.param] = o.desc
						}
					}
				}
			}
		}
	}
	if validatorShape(fn) {
		for i, p := range fn.Params {
			if st.creditOf(p).ok() {
				s.validates[i] = true
			}
		}
	}
	st.sums[fn] = s
	return s
}

// local reports whether fn is a function of the analyzed package with a
// body.
func (st *state) local(fn *ssa.Function) bool {
	return fn.Pkg == st.pkg && len(fn.Blocks) > 0
}

// summaryOf returns the summary of a callee: computed for the package's
// own functions, from facts for other packages', nil when unknown.
func (st *state) summaryOf(c callee) *summary {
	if c.fn != nil && c.fn.Pkg == nil && c.fn.Parent() != nil && len(c.fn.Blocks) > 0 {
		// A function literal called in place.
		return st.sum(c.fn)
	}
	if c.fn != nil && st.local(c.fn) {
		return st.sum(c.fn)
	}
	if c.obj == nil || c.obj.Pkg() == nil || c.obj.Pkg() == st.pass.Pkg {
		return nil
	}
	var f funcFact
	if !st.pass.ImportObjectFact(c.obj.Origin(), &f) {
		return nil
	}
	return f.summary()
}

// redirectOrigins returns, for a call that redirects (directly or
// through a wrapper of this package or with a fact), the unvalidated
// origins of the destination, each described with the redirect's name.
func (st *state) redirectOrigins(call *ssa.Call) []origin {
	var out []origin
	if v, name, ok := redirectSink(call); ok {
		for _, o := range st.trace(v, false) {
			if o.param >= 0 {
				o.desc = name
			}
			out = append(out, o)
		}
		return out
	}
	c, ok := resolve(call.Common())
	if !ok {
		return nil
	}
	s := st.summaryOf(c)
	if s == nil {
		return nil
	}
	args := call.Common().Args
	for _, i := range sortedKeys(s.redirects) {
		if i >= len(args) {
			continue
		}
		for _, o := range st.trace(args[i], false) {
			if o.param >= 0 {
				o.desc = s.redirects[i]
			}
			out = append(out, o)
		}
	}
	return out
}

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// funcFact carries a function's summary to the packages that import
// it: a validation helper, a helper returning a request parameter, a
// redirect wrapper, a login step.
type funcFact struct {
	Auth      bool
	Returns   []retFact
	Validates []int
	Redirects []redirectFact
}

// retFact is one origin of a result.
type retFact struct {
	Result  int
	Dynamic bool
	Param   int // >= 0: the parameter; otherwise request data
	Kind    srcKind
	Desc    string
	Cookie  string
}

type redirectFact struct {
	Param int
	Via   string
}

func (*funcFact) AFact() {}

func (f *funcFact) String() string {
	var parts []string
	if f.Auth {
		parts = append(parts, "auth")
	}
	for _, r := range f.Returns {
		mode := "open"
		if r.Dynamic {
			mode = "dyn"
		}
		if r.Param >= 0 {
			parts = append(parts, fmt.Sprintf("ret%d(%s)=param%d", r.Result, mode, r.Param))
		} else {
			parts = append(parts, fmt.Sprintf("ret%d(%s)=%s", r.Result, mode, r.Desc))
		}
	}
	for _, v := range f.Validates {
		parts = append(parts, fmt.Sprintf("validates%d", v))
	}
	for _, r := range f.Redirects {
		parts = append(parts, fmt.Sprintf("redirects%d", r.Param))
	}
	return "oauthredirect(" + strings.Join(parts, " ") + ")"
}

func (f *funcFact) summary() *summary {
	s := &summary{auth: f.Auth, rets: map[int][]origin{}, dyn: map[int][]origin{}, validates: map[int]bool{}, redirects: map[int]string{}}
	for _, r := range f.Returns {
		o := origin{param: r.Param, kind: r.Kind, desc: r.Desc, cookie: r.Cookie}
		if r.Dynamic {
			s.dyn[r.Result] = append(s.dyn[r.Result], o)
		} else {
			s.rets[r.Result] = append(s.rets[r.Result], o)
		}
	}
	for _, v := range f.Validates {
		s.validates[v] = true
	}
	for _, r := range f.Redirects {
		s.redirects[r.Param] = r.Via
	}
	return s
}

// exportFacts exports the summary of every exported function whose
// callers could use it. A function with a string or URL parameter and a
// bool result always gets one, so that importers can tell "checked: not
// a validator" from "unknown".
func (st *state) exportFacts(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() || fn.Parent() != nil {
			continue
		}
		s := st.sum(fn)
		f := &funcFact{Auth: s.auth}
		for _, dyn := range []bool{false, true} {
			rets := s.rets
			if dyn {
				rets = s.dyn
			}
			for _, i := range sortedKeys(rets) {
				seen := map[string]bool{}
				for _, o := range rets[i] {
					key := fmt.Sprint(o.param, o.kind, o.desc)
					if seen[key] {
						continue
					}
					seen[key] = true
					f.Returns = append(f.Returns, retFact{Result: i, Dynamic: dyn, Param: o.param, Kind: o.kind, Desc: o.desc, Cookie: o.cookie})
				}
			}
		}
		f.Validates = sortedKeys(s.validates)
		for _, i := range sortedKeys(s.redirects) {
			f.Redirects = append(f.Redirects, redirectFact{Param: i, Via: s.redirects[i]})
		}
		if !f.Auth && len(f.Returns) == 0 && len(f.Redirects) == 0 && !(validatorShape(fn) && hasURLParam(fn)) {
			continue
		}
		st.pass.ExportObjectFact(obj, f)
	}
}

// hasURLParam reports whether fn takes a string or a *url.URL.
func hasURLParam(fn *ssa.Function) bool {
	for _, p := range fn.Params {
		if isString(p.Type()) || isNamed(p.Type(), "net/url", "URL") {
			return true
		}
	}
	return false
}

// validatorShape reports whether fn's results say whether a value passed
// its checks: a verdict (verdict.go) or a match or nil. The parameters
// such a function checks count as validated.
func validatorShape(fn *ssa.Function) bool {
	return verdictResult(fn.Signature) || matchOrNil(fn)
}

// matchOrNil reports whether fn returns a pointer first, and nil on some
// path: a lookup that returns the allowed entry a value matches, or nil
// when none does (func FindDomain(u string, ds []Domain) *Domain). Its
// callers test the result for nil the way they test a validator's bool,
// so a parameter it checks counts as validated, as for a bool.
func matchOrNil(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	if res.Len() == 0 {
		return false
	}
	if _, ok := res.At(0).Type().Underlying().(*types.Pointer); !ok {
		return false
	}
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			if c, ok := ret.Results[0].(*ssa.Const); ok && c.IsNil() {
				return true
			}
		}
	}
	return false
}
