package plainhttp

import (
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A value compared with a constant that names a kind of peer decides
// InsecureSkipVerify for every peer of that kind: nuclio turns
// verification off for its projects leader whenever the configured kind
// is "iguazio" (skip := cfg.ProjectsLeader.Kind == "iguazio"). No option
// says to skip verification; the code does, for all such deployments.
// So a comparison (== or !=) of a value with a string constant is judged
// as a true, unless the constant names an opt-in or a mode in which
// skipping is the documented meaning: an insecure or skip-verify mode
// ("insecure", "skip-verify", "none", "off", "disable"), a deployment
// environment ("dev", "local", "test", "production": the environment
// decides), or libpq's sslmode
// values that do not verify ("require", "prefer", "allow").

// optInModeWords, lower case, are the words of constants whose
// comparison is an opt-in or a mode that skips by definition.
var optInModeWords = map[string]bool{
	"insecure": true, "skip": true, "noverify": true, "unverified": true, "none": true, "off": true,
	"disable": true, "disabled": true, "false": true, "no": true, "0": true, "dev": true,
	"development": true, "local": true, "localhost": true, "test": true, "testing": true, "debug": true,
	"require": true, "prefer": true, "allow": true, "selfsigned": true, "self": true, "trust": true,
	"prod": true, "production": true, "staging": true, "stage": true, "qa": true, "sandbox": true,
	"preview": true, "demo": true,
}

// kindComparison reports whether v compares a value with a string
// constant that names no opt-in (see above).
func kindComparison(v ssa.Value) bool {
	b, ok := v.(*ssa.BinOp)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return false
	}
	k, ok := b.Y.(*ssa.Const)
	if !ok {
		k, ok = b.X.(*ssa.Const)
	}
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return false
	}
	text := strings.ToLower(constant.StringVal(k.Value))
	if text == "" {
		return false
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') }) {
		if optInModeWords[w] || insecureOptionName(w) {
			return false
		}
	}
	return !insecureOptionName(text)
}
