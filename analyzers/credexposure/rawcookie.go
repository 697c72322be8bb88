package credexposure

import (
	"go/token"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credsrc"
	"golang.org/x/tools/go/ssa"
)

// rawCookie reads a Set-Cookie header value built by hand
// ("session=" + id + "; Path=/; HttpOnly", or a fmt.Sprintf format): the
// cookie's name and value, and its attributes as far as the text is
// constant. A string operand after the first ';' may carry attributes
// from configuration, which makes the flags unknown.
func rawCookie(v ssa.Value) *shape {
	parts := textParts(v, 0)
	if len(parts) < 2 || parts[0].text == "" {
		return nil
	}
	name, _, ok := strings.Cut(parts[0].text, "=")
	if !ok || strings.ContainsAny(name, "; ") {
		return nil
	}
	sh := &shape{name: name, nameKnown: true, nameParam: -1}
	attrs := false
	var text strings.Builder
	for i, p := range parts {
		if p.value == nil {
			if i > 0 && strings.Contains(p.text, ";") || i == 0 && strings.Contains(strings.SplitN(p.text, "=", 2)[1], ";") {
				attrs = true
			}
			text.WriteString(strings.ToLower(p.text))
			continue
		}
		if !attrs {
			sh.values = append(sh.values, p.value)
		} else if credsrc.StringLike(p.value.Type()) {
			return nil // attributes from configuration
		}
	}
	if len(sh.values) == 0 {
		return nil
	}
	t := text.String()
	if strings.Contains(t, "secure") {
		sh.flags.Secure = yes
	}
	if strings.Contains(t, "httponly") {
		sh.flags.HTTPOnly = yes
	}
	if strings.Contains(t, "samesite=none") {
		sh.flags.SameSiteNone = yes
	}
	if strings.Contains(t, "max-age=0") || strings.Contains(t, "max-age=-") || strings.Contains(t, "expires=thu, 01 jan 1970") {
		sh.deleted = true
	}
	return sh
}

// textPart is a constant piece of text or a value between them.
type textPart struct {
	text  string
	value ssa.Value
}

// textParts splits a string built by concatenation or fmt.Sprintf into
// its constant text and its values, in order.
func textParts(v ssa.Value, depth int) []textPart {
	if depth > 16 {
		return []textPart{{value: v}}
	}
	switch v := v.(type) {
	case *ssa.Const:
		s, ok := constString(v)
		if ok {
			return []textPart{{text: s}}
		}
	case *ssa.BinOp:
		if v.Op == token.ADD {
			return append(textParts(v.X, depth+1), textParts(v.Y, depth+1)...)
		}
	case *ssa.Call:
		c := v.Common()
		if funcKey(credsrc.Callee(c)) == "fmt.Sprintf" && len(c.Args) == 2 {
			format, ok := constString(c.Args[0])
			if !ok {
				break
			}
			args := varargs(c.Args[1])
			offs := verbOffsets(format)
			if len(offs) != len(args) {
				break
			}
			var out []textPart
			prev := 0
			for i, off := range offs {
				out = append(out, textPart{text: format[prev:off]})
				a := args[i]
				if mi, ok := a.(*ssa.MakeInterface); ok {
					a = mi.X
				}
				out = append(out, textPart{value: a})
				prev = verbEnd(format, off)
			}
			return append(out, textPart{text: format[prev:]})
		}
	}
	return []textPart{{value: v}}
}

// verbEnd returns the offset just past the verb that starts at off.
func verbEnd(format string, off int) int {
	j := off + 1
	for j < len(format) && strings.ContainsRune("+-# 0123456789.[]*", rune(format[j])) {
		j++
	}
	if j < len(format) {
		j++
	}
	return j
}
