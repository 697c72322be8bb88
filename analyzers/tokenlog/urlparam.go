package tokenlog

import (
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
)

// A URL the program spells out by hand carries a credential in the
// parameter it names: base + "?access_token=" + t,
// fmt.Sprintf("%s#token=%s", returnURL, resp.KeyID). The value after a
// credential's query or fragment parameter is a credential by where it
// is put, as with url.Values.Set (queryKeyed); whatever prints the URL
// then prints it. Generic keys ("key", "sig") and parameters that carry
// no reusable secret (queryCredentialKey) give no taint, nor do
// constants, and a value already known as a credential keeps its own,
// more precise, description.

// concatKeyed returns the taint of v.Y in the string concatenation v
// when the constant text just before it ends in a credential
// parameter's "name=".
func (f *fnState) concatKeyed(v *ssa.BinOp) taint {
	if v.Op != token.ADD || !isString(v.Type()) {
		return taint{}
	}
	left, ok := constSuffix(v.X)
	if !ok {
		return taint{}
	}
	return f.keyedOperand(left, v.Y, v.Pos())
}

// constSuffix returns the constant text at the end of x: x itself when
// it is a constant, or the right operand of a concatenation that ends
// in one (base + "?token=").
func constSuffix(x ssa.Value) (string, bool) {
	if s, ok := credsrc.ConstString(x); ok {
		return s, true
	}
	if b, ok := x.(*ssa.BinOp); ok && b.Op == token.ADD {
		return credsrc.ConstString(b.Y)
	}
	return "", false
}

// sprintfKeyed returns the taint fmt.Sprintf's constant format gives the
// operands it places after a credential parameter's "name=".
func (f *fnState) sprintfKeyed(c *ssa.CallCommon, args []ssa.Value) taint {
	if len(args) != 2 {
		return taint{}
	}
	format, ok := credsrc.ConstString(args[0])
	if !ok || !strings.Contains(format, "=%") {
		return taint{}
	}
	elems := indexedElems(args[1])
	var t taint
	for i, before := range verbPrefixes(format) {
		if i >= len(elems) || elems[i] == nil || before == "" {
			continue
		}
		t = t.union(f.keyedOperand(before, unwrapIface(elems[i]), c.Pos()))
	}
	return t
}

// keyedOperand returns the credential taint of x placed right after
// text, when text ends in a credential parameter's "name=" preceded by
// ?, &, # or ; (a query, a fragment or matrix parameters).
func (f *fnState) keyedOperand(text string, x ssa.Value, pos token.Pos) taint {
	key, ok := paramBefore(text)
	if !ok || !queryCredentialKey(key) {
		return taint{}
	}
	if _, isConst := credsrc.ConstString(x); isConst || f.deep(x).tr != nil {
		return taint{}
	}
	return queryKeyTaint(key, pos)
}

// paramBefore returns the parameter name of text's trailing "name=",
// when a separator of a URL's query or fragment introduces it.
func paramBefore(text string) (string, bool) {
	rest, ok := strings.CutSuffix(text, "=")
	if !ok {
		return "", false
	}
	i := strings.LastIndexAny(rest, "?&#;")
	if i < 0 {
		return "", false
	}
	key := rest[i+1:]
	if key == "" || len(key) > 40 {
		return "", false
	}
	for _, r := range key {
		if !(r == '_' || r == '-' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return "", false
		}
	}
	return key, true
}

// verbPrefixes returns, for each operand a format consumes, the text of
// the format between the previous verb and the operand's verb ("" for
// an operand taken by a * width or precision).
func verbPrefixes(format string) []string {
	var out []string
	if !formatVerbs(format, func(_ byte, before string) { out = append(out, before) }) { // calls.go
		// Explicit argument indexes: too rare to model.
		return nil
	}
	return out
}

// indexedElems returns the values stored into the array behind a
// variadic list built at the call, by index; nil where unknown.
func indexedElems(s ssa.Value) []ssa.Value {
	sl, ok := s.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
			continue
		}
		n, ok := constant.Int64Val(c.Value)
		if !ok || n < 0 || n > 64 {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				for int(n) >= len(out) {
					out = append(out, nil)
				}
				out[n] = st.Val
			}
		}
	}
	return out
}
